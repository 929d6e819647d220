using RootCause.Contracts;

namespace RootCause.Analysis.FaultTrees;

/// <summary>Reads a <c>*.tests.yaml</c> file of examples, as strictly as the trees themselves.</summary>
internal sealed class FaultTreeExampleReader
{
    private static readonly string[] FileKeys = ["tree_files", "examples"];
    private static readonly string[] ExampleKeys = ["name", "candidate", "anomalies", "expect", "expect_path"];
    private static readonly string[] CandidateKeys = ["kind", "name", "service_kind"];
    private static readonly string[] AnomalyKeys = ["scope", "metric", "direction", "severity"];

    /// <summary>Examples rarely care how strong an anomaly is; this is a clear one.</summary>
    private const double DefaultSeverity = 10;

    private static readonly DateTimeOffset Onset = DateTimeOffset.UnixEpoch;

    /// <summary>The host loads a folder's files ordinally; named files may come from several folders, so their names decide.</summary>
    private static readonly Comparer<string> LoadOrder = Comparer<string>.Create((a, b) =>
        string.CompareOrdinal(Path.GetFileName(a), Path.GetFileName(b)) is var byName and not 0 ? byName : string.CompareOrdinal(a, b));

    private readonly FileDiagnostics diagnostics;

    private FaultTreeExampleReader(FileDiagnostics diagnostics) => this.diagnostics = diagnostics;

    /// <summary>
    /// The tree files named and the examples, or null when the file has errors. Expected classes are checked
    /// by the caller, against whichever set the examples run on.
    /// </summary>
    public static FaultTreeExamplesFile? Read(FileDiagnostics diagnostics, string text)
    {
        var reader = new FaultTreeExampleReader(diagnostics);
        var root = YamlSourceReader.Read(text, diagnostics);
        if (root is null || MappingFields.Read(root, "an examples file", FileKeys, diagnostics) is not { } fields)
        {
            return null;
        }

        var treeFiles = fields.Optional("tree_files") is { } t ? reader.ReadTreeFiles(t.Value) : null;
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

            examples.Add(example);
        }

        return diagnostics.HasErrors ? null : new FaultTreeExamplesFile(treeFiles, examples);
    }

    /// <summary>
    /// <c>tree_files</c>: the files the examples run against together, paths relative to this file. They must
    /// be listed in the order the host would load them from one folder (ordinal by file name), so that the
    /// order read is the order run.
    /// </summary>
    private List<NamedTreeFile>? ReadTreeFiles(SourceNode node)
    {
        if (node is not SourceSequence { Items.Count: > 0 } sequence)
        {
            diagnostics.Add(node.Start, $"'tree_files' must be a non-empty list of tree files, not {node.Describe()}");
            return null;
        }

        var files = new List<NamedTreeFile>(sequence.Items.Count);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            if (ScalarValues.Text(item, "a tree file", diagnostics) is not { } entry)
            {
                continue;
            }

            var path = TreeFilePaths.Resolve(diagnostics.Path, entry);
            if (FaultTreeExampleRunner.IsExamplesFile(entry))
            {
                diagnostics.Add(item.Start, $"'{entry}' is an examples file; 'tree_files' names the tree files the examples run against");
            }
            else if (!entry.EndsWith(".yaml", StringComparison.Ordinal) && !entry.EndsWith(".yml", StringComparison.Ordinal))
            {
                diagnostics.Add(item.Start, $"tree file '{entry}' is not a .yaml or .yml file");
            }
            else if (firstLine.TryGetValue(path, out var line))
            {
                diagnostics.Add(item.Start, $"tree file '{entry}' is listed twice (first at line {line})");
            }
            else if (files.Count > 0 && LoadOrder.Compare(path, files[^1].Path) < 0)
            {
                diagnostics.Add(item.Start, $"'{entry}' must come before '{files[^1].Entry}': trees run in the order the host loads their files (ordinal by file name), and 'tree_files' lists them in that order");
            }
            else
            {
                firstLine.Add(path, item.Start.Line);
                files.Add(new NamedTreeFile(entry, path, item.Start));
            }
        }

        return files.Count == sequence.Items.Count ? files : null;
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
