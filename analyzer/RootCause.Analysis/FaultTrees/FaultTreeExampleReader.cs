using RootCause.Contracts;

namespace RootCause.Analysis.FaultTrees;

/// <summary>Reads a <c>*.tests.yaml</c> file of examples, as strictly as the trees themselves.</summary>
internal sealed class FaultTreeExampleReader
{
    private static readonly string[] FileKeys = ["examples"];
    private static readonly string[] ExampleKeys = ["name", "candidate", "anomalies", "expect", "expect_path"];
    private static readonly string[] CandidateKeys = ["kind", "name", "service_kind"];
    private static readonly string[] AnomalyKeys = ["scope", "metric", "direction", "severity"];

    /// <summary>Examples rarely care how strong an anomaly is; this is a clear one.</summary>
    private const double DefaultSeverity = 10;

    private static readonly DateTimeOffset Onset = DateTimeOffset.UnixEpoch;

    private readonly FileDiagnostics diagnostics;

    private FaultTreeExampleReader(FileDiagnostics diagnostics) => this.diagnostics = diagnostics;

    /// <summary>The examples, or null when the file has errors. <paramref name="isClass"/> checks expected classes when the trees loaded.</summary>
    public static IReadOnlyList<FaultTreeExample>? Read(FileDiagnostics diagnostics, string text, Func<string, bool>? isClass, IEnumerable<string> classIds)
    {
        var reader = new FaultTreeExampleReader(diagnostics);
        var root = YamlSourceReader.Read(text, diagnostics);
        if (root is null || MappingFields.Read(root, "an examples file", FileKeys, diagnostics) is not { } fields)
        {
            return null;
        }

        if (fields.Required("examples") is not { } entry)
        {
            return null;
        }

        if (entry.Value is not SourceSequence { Items.Count: > 0 } sequence)
        {
            diagnostics.Add(entry.Value.Start, $"'examples' must be a non-empty list of examples, not {entry.Value.Describe()}");
            return null;
        }

        var examples = new List<FaultTreeExample>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            if (reader.ReadExample(item) is not { } example)
            {
                continue;
            }

            if (names.TryGetValue(example.Name, out var line))
            {
                diagnostics.Add(example.Start, $"example '{example.Name}' is already defined at line {line}");
            }
            else
            {
                names.Add(example.Name, example.Start.Line);
            }

            if (isClass is not null && !isClass(example.Expect))
            {
                diagnostics.Add(example.ExpectAt, $"unknown class '{example.Expect}'{Spelling.Hint(example.Expect, classIds)}");
            }

            examples.Add(example);
        }

        return diagnostics.HasErrors ? null : examples;
    }

    private FaultTreeExample? ReadExample(SourceNode node)
    {
        var fields = MappingFields.Read(node, "an example", ExampleKeys, diagnostics);
        if (fields is null)
        {
            return null;
        }

        var name = fields.Required("name") is { } n ? ScalarValues.Text(n.Value, "the example name", diagnostics) : null;
        var candidate = fields.Required("candidate") is { } c ? ReadCandidate(c.Value) : null;
        var anomalies = fields.Optional("anomalies") is { } a ? ReadAnomalies(a.Value, candidate?.Entity) : [];
        var expectEntry = fields.Required("expect");
        var expect = expectEntry is null ? null : Identifiers.Read(expectEntry.Value, "the expected class", diagnostics);
        IReadOnlyList<string>? expectPath = null;
        var pathOk = true;
        if (fields.Optional("expect_path") is { } p)
        {
            expectPath = ReadPath(p.Value);
            pathOk = expectPath is not null;
        }

        if (name is null || candidate is null || anomalies is null || expect is null || !pathOk)
        {
            return null;
        }

        var evidence = new CandidateEvidence(candidate.Value.Entity, candidate.Value.ServiceKind, anomalies);
        return new FaultTreeExample(fields.Mapping.Start, name, evidence, expect, expectEntry!.Value.Start, expectPath);
    }

    private (EntityRef Entity, ServiceKind? ServiceKind)? ReadCandidate(SourceNode node)
    {
        var fields = MappingFields.Read(node, "the candidate", CandidateKeys, diagnostics);
        if (fields is null)
        {
            return null;
        }

        var kind = fields.Required("kind") is { } k ? ScalarValues.Name(k.Value, "kind", Vocabulary.EntityKinds, diagnostics) : null;
        var name = fields.Optional("name") is { } n ? ScalarValues.Text(n.Value, "the candidate name", diagnostics) : "candidate";
        ServiceKind? serviceKind = null;
        var serviceKindOk = true;
        if (fields.Optional("service_kind") is { } s)
        {
            serviceKind = ScalarValues.Name(s.Value, "service_kind", Vocabulary.ServiceKinds, diagnostics);
            serviceKindOk = serviceKind is not null;
            if (serviceKindOk && kind is not (null or EntityKind.Service or EntityKind.Instance))
            {
                diagnostics.Add(s.Key.Start, "only a service or instance candidate has a service_kind");
                serviceKindOk = false;
            }
        }

        return kind is { } entityKind && name is not null && serviceKindOk
            ? (new EntityRef(entityKind, name), serviceKind)
            : null;
    }

    private List<ScopedAnomaly>? ReadAnomalies(SourceNode node, EntityRef? candidate)
    {
        if (node is not SourceSequence sequence)
        {
            diagnostics.Add(node.Start, $"'anomalies' must be a list of anomalies, not {node.Describe()}");
            return null;
        }

        var anomalies = new List<ScopedAnomaly>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            if (MappingFields.Read(item, "an anomaly", AnomalyKeys, diagnostics) is not { } fields)
            {
                continue;
            }

            var scope = fields.Required("scope") is { } s ? ScalarValues.Name(s.Value, "scope", Vocabulary.Scopes, diagnostics) : null;
            var metric = fields.Required("metric") is { } m ? ScalarValues.Names(m.Value, "metric", "metrics", FaultTreeReader.MetricNames, diagnostics) : null;
            if (metric is { Count: > 1 })
            {
                diagnostics.Add(fields.Optional("metric")!.Value.Start, "an example anomaly has one metric; write one anomaly per metric");
                metric = null;
            }

            var direction = fields.Required("direction") is { } d ? ScalarValues.Name(d.Value, "direction", Vocabulary.Directions, diagnostics) : null;
            var severity = fields.Optional("severity") is { } v ? ScalarValues.Number(v.Value, "severity", diagnostics) : DefaultSeverity;
            if (scope is { } sc && metric is [var (metricName, _)] && direction is { } dir && severity is { } sev && candidate is not null)
            {
                var evidence = new AnomalyEvidence(Around(candidate, sc), metricName, dir, sev, Onset, 0, 0);
                anomalies.Add(new ScopedAnomaly(sc, evidence));
            }
        }

        return anomalies;
    }

    private List<string>? ReadPath(SourceNode node)
    {
        if (node is not SourceSequence sequence)
        {
            diagnostics.Add(node.Start, $"'expect_path' must be a list of condition texts, not {node.Describe()}");
            return null;
        }

        var path = new List<string>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            if (ScalarValues.Text(item, "a condition text", diagnostics) is { } text)
            {
                path.Add(text);
            }
        }

        return path.Count == sequence.Items.Count ? path : null;
    }

    /// <summary>A plausible entity for an anomaly in a scope; trees never test entity names, reports show them.</summary>
    private static EntityRef Around(EntityRef candidate, EvidenceScope scope) => scope switch
    {
        EvidenceScope.Self => candidate,
        EvidenceScope.Instances => new EntityRef(EntityKind.Instance, candidate.Name + "-1"),
        EvidenceScope.Host => new EntityRef(EntityKind.Node, "node-1"),
        EvidenceScope.Downstream => new EntityRef(EntityKind.Service, "downstream"),
        EvidenceScope.Network => new EntityRef(EntityKind.NetworkEdge, candidate.Name + " -> peer"),
        _ => new EntityRef(EntityKind.CallEdge, "caller -> " + candidate.Name),
    };
}
