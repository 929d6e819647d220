using RootCause.Topology;

namespace RootCause.Analysis.FaultTrees;

/// <summary>
/// Reads one fault-tree file strictly: every key, name and type is checked and every problem is reported
/// with its position; reading goes on after an error so one run shows them all.
/// </summary>
internal sealed class FaultTreeReader
{
    private static readonly string[] FileKeys = ["tree", "description", "classes", "branches"];
    private static readonly string[] ClassKeys = ["title", "advice"];
    private static readonly string[] BranchKeys = ["when", "class", "branches"];
    private static readonly string[] ConditionKeys = ["anomaly", "candidate", "all", "any", "not"];
    private static readonly string[] AnomalyKeys = ["scope", "metric", "direction", "min_severity"];
    private static readonly string[] CandidateKeys = ["kind", "service_kind"];

    internal static readonly string[] MetricNames = [.. MetricCatalog.All.Select(m => m.Name)];

    private readonly FileDiagnostics diagnostics;
    private readonly List<(FaultClass, SourceMark)> classes = [];
    private readonly List<(string, SourceMark)> references = [];

    private FaultTreeReader(FileDiagnostics diagnostics) => this.diagnostics = diagnostics;

    public static FaultTreeFile Read(string path, string text, List<FaultTreeError> sink)
    {
        var diagnostics = new FileDiagnostics(path, sink);
        var reader = new FaultTreeReader(diagnostics);
        var root = YamlSourceReader.Read(text, diagnostics);
        var (tree, name) = root is null ? (null, null) : reader.ReadFile(root, path);
        return new FaultTreeFile(path, diagnostics.HasErrors ? null : tree, name, reader.classes, reader.references, diagnostics);
    }

    private (FaultTree?, (string, SourceMark)?) ReadFile(SourceNode root, string path)
    {
        var fields = MappingFields.Read(root, "a fault-tree file", FileKeys, diagnostics);
        if (fields is null)
        {
            return (null, null);
        }

        var nameEntry = fields.Required("tree");
        var name = nameEntry is null ? null : Identifiers.Read(nameEntry.Value, "the tree name", diagnostics);

        if (fields.Optional("description") is { } description)
        {
            _ = ScalarValues.Text(description.Value, "the description", diagnostics);
        }

        if (fields.Optional("classes") is { } classesEntry)
        {
            ReadClasses(classesEntry.Value);
        }

        var branchesEntry = fields.Required("branches");
        var branches = branchesEntry is null ? null : ReadBranches(branchesEntry.Value, "the tree's branches");

        return name is null || branches is null
            ? (null, name is null ? null : (name, nameEntry!.Value.Start))
            : (new FaultTree(name, path, branches), (name, nameEntry!.Value.Start));
    }

    private void ReadClasses(SourceNode node)
    {
        if (node is not SourceMapping mapping)
        {
            diagnostics.Add(node.Start, $"'classes' must be a mapping from class id to its title and advice, not {node.Describe()}");
            return;
        }

        foreach (var entry in mapping.Entries)
        {
            var id = Identifiers.Read(entry.Key, "a class id", diagnostics);
            if (id == FaultClass.InconclusiveId)
            {
                diagnostics.Add(entry.Key.Start, $"'{FaultClass.InconclusiveId}' is built in and cannot be declared");
                id = null;
            }

            var fields = MappingFields.Read(entry.Value, $"class '{entry.Key.Value}'", ClassKeys, diagnostics);
            if (fields is null)
            {
                continue;
            }

            var title = fields.Required("title") is { } t ? ScalarValues.Text(t.Value, "the title", diagnostics) : null;
            var advice = fields.Required("advice") is { } a ? ScalarValues.Text(a.Value, "the advice", diagnostics) : null;
            if (id is not null && title is not null && advice is not null)
            {
                classes.Add((new FaultClass(id, title.Trim(), advice.Trim()), entry.Key.Start));
            }
        }
    }

    private List<FaultBranch>? ReadBranches(SourceNode node, string what)
    {
        if (node is not SourceSequence sequence)
        {
            diagnostics.Add(node.Start, $"{what} must be a list of branches, not {node.Describe()}");
            return null;
        }

        if (sequence.Items.Count == 0)
        {
            diagnostics.Add(node.Start, $"{what} must not be empty");
            return null;
        }

        var branches = new List<FaultBranch>(sequence.Items.Count);
        var ok = true;
        foreach (var item in sequence.Items)
        {
            if (ReadBranch(item) is { } branch)
            {
                branches.Add(branch);
            }
            else
            {
                ok = false;
            }
        }

        CheckReachability(branches);
        return ok ? branches : null;
    }

    private FaultBranch? ReadBranch(SourceNode node)
    {
        var fields = MappingFields.Read(node, "a branch", BranchKeys, diagnostics);
        if (fields is null)
        {
            return null;
        }

        var whenEntry = fields.Required("when");
        var when = whenEntry is null ? null : ReadCondition(whenEntry.Value);

        string? faultClass = null;
        var classEntry = fields.Optional("class");
        if (classEntry is not null && Identifiers.Read(classEntry.Value, "the class", diagnostics) is { } id)
        {
            faultClass = id;
            references.Add((id, classEntry.Value.Start));
        }

        var branchesEntry = fields.Optional("branches");
        var branches = branchesEntry is null ? [] : ReadBranches(branchesEntry.Value, "the branch's sub-branches");

        if (classEntry is null && branchesEntry is null && !fields.WasSuggested("class") && !fields.WasSuggested("branches"))
        {
            diagnostics.Add(fields.Mapping.Start, "a branch needs 'class', 'branches' or both");
            return null;
        }

        if (when is null || branches is null || (classEntry is not null && faultClass is null))
        {
            return null;
        }

        if (faultClass is not null && branches.FirstOrDefault(b => b.When is AlwaysCondition && b.AlwaysYields) is { } catchAll)
        {
            diagnostics.Add(classEntry!.Key.Start, $"this class is never reached: the sub-branch at line {catchAll.Start.Line} always matches");
        }

        return new FaultBranch(fields.Mapping.Start, when, faultClass, branches);
    }

    /// <summary>Rejects branches that can never be taken: conditions that never hold, and branches an earlier sibling always shadows.</summary>
    private void CheckReachability(List<FaultBranch> siblings)
    {
        for (var i = 0; i < siblings.Count; i++)
        {
            var branch = siblings[i];
            if (ConditionImplication.IsNever(branch.When))
            {
                diagnostics.Add(branch.When.Start, "this condition can never hold");
                continue;
            }

            for (var j = 0; j < i; j++)
            {
                var earlier = siblings[j];
                if (earlier.AlwaysYields && ConditionImplication.Implies(branch.When, earlier.When))
                {
                    diagnostics.Add(branch.Start, earlier.When is AlwaysCondition
                        ? $"unreachable branch: the branch at line {earlier.Start.Line} always matches"
                        : $"unreachable branch: whenever its condition holds, the earlier branch at line {earlier.Start.Line} already matches");
                    break;
                }
            }
        }
    }

    private FaultCondition? ReadCondition(SourceNode node)
    {
        if (node is SourceScalar scalar)
        {
            if (scalar is { IsPlain: true, Value: "always" })
            {
                return new AlwaysCondition(scalar.Start);
            }

            diagnostics.Add(scalar.Start, $"a condition must be a mapping with one of {string.Join(", ", ConditionKeys)}, or the word 'always', not {scalar.Describe()}{Spelling.Hint(scalar.Value, ["always"])}");
            return null;
        }

        var fields = MappingFields.Read(node, "a condition", ConditionKeys, diagnostics);
        if (fields is null)
        {
            return null;
        }

        if (fields.Mapping.Entries.Count == 0)
        {
            diagnostics.Add(node.Start, $"a condition must have one of {string.Join(", ", ConditionKeys)}");
            return null;
        }

        var known = fields.Mapping.Entries.Where(e => ConditionKeys.Contains(e.Key.Value)).ToList();
        if (known.Count == 0)
        {
            return null; // the unknown key was reported
        }

        if (known.Count > 1)
        {
            diagnostics.Add(known[1].Key.Start, $"a condition has exactly one of {string.Join(", ", ConditionKeys)}; combine '{known[0].Key.Value}' and '{known[1].Key.Value}' under 'all' or 'any'");
            return null;
        }

        var entry = known[0];
        return entry.Key.Value switch
        {
            "anomaly" => ReadAnomaly(entry.Value),
            "candidate" => ReadCandidate(entry.Value),
            "all" => ReadList(entry, conditions => new AllCondition(node.Start, conditions)),
            "any" => ReadList(entry, conditions => new AnyCondition(node.Start, conditions)),
            _ => ReadCondition(entry.Value) is { } inner ? new NotCondition(node.Start, inner) : null,
        };
    }

    private FaultCondition? ReadList(SourceEntry entry, Func<IReadOnlyList<FaultCondition>, FaultCondition> create)
    {
        if (entry.Value is not SourceSequence sequence)
        {
            diagnostics.Add(entry.Value.Start, $"'{entry.Key.Value}' takes a list of conditions, not {entry.Value.Describe()}");
            return null;
        }

        if (sequence.Items.Count == 0)
        {
            diagnostics.Add(entry.Value.Start, $"'{entry.Key.Value}' needs at least one condition");
            return null;
        }

        var conditions = new List<FaultCondition>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            if (ReadCondition(item) is { } condition)
            {
                conditions.Add(condition);
            }
        }

        return conditions.Count == sequence.Items.Count ? create(conditions) : null;
    }

    private AnomalyCondition? ReadAnomaly(SourceNode node)
    {
        var fields = MappingFields.Read(node, "an anomaly test", AnomalyKeys, diagnostics);
        if (fields is null)
        {
            return null;
        }

        var scopes = fields.Required("scope") is { } s ? ScalarValues.Names(s.Value, "scope", "scopes", Vocabulary.Scopes.Keys, diagnostics) : null;
        var metrics = fields.Required("metric") is { } m ? ScalarValues.Names(m.Value, "metric", "metrics", MetricNames, diagnostics) : null;
        var direction = fields.Required("direction") is { } d ? ScalarValues.Name(d.Value, "direction", Vocabulary.Directions, diagnostics) : null;

        double minSeverity = 0;
        var severityOk = true;
        if (fields.Optional("min_severity") is { } severityEntry)
        {
            var value = ScalarValues.Number(severityEntry.Value, "min_severity", diagnostics);
            if (value is < 0)
            {
                diagnostics.Add(severityEntry.Value.Start, "min_severity must not be negative");
                value = null;
            }

            severityOk = value is not null;
            minSeverity = value ?? 0;
        }

        if (scopes is null || metrics is null || direction is not { } dir || !severityOk)
        {
            return null;
        }

        var scopeOrder = scopes.Select(x => Vocabulary.Scopes[x.Name]).ToList();
        var metricOrder = metrics.Select(x => x.Name).ToList();
        return new AnomalyCondition(node.Start, scopeOrder.ToHashSet(), metricOrder.ToHashSet(StringComparer.Ordinal), dir, minSeverity)
        {
            ScopeOrder = scopeOrder,
            MetricOrder = metricOrder,
        };
    }

    private CandidateCondition? ReadCandidate(SourceNode node)
    {
        var fields = MappingFields.Read(node, "a candidate test", CandidateKeys, diagnostics);
        if (fields is null)
        {
            return null;
        }

        var kindEntry = fields.Optional("kind");
        var serviceKindEntry = fields.Optional("service_kind");
        if (kindEntry is null && serviceKindEntry is null)
        {
            if (!fields.WasSuggested("kind") && !fields.WasSuggested("service_kind"))
            {
                diagnostics.Add(node.Start, "a candidate test needs 'kind', 'service_kind' or both");
            }

            return null;
        }

        var kinds = kindEntry is null ? null : ScalarValues.Names(kindEntry.Value, "kind", "kinds", Vocabulary.EntityKinds.Keys, diagnostics);
        var serviceKinds = serviceKindEntry is null ? null : ScalarValues.Names(serviceKindEntry.Value, "service_kind", "service kinds", Vocabulary.ServiceKinds.Keys, diagnostics);
        if ((kindEntry is not null && kinds is null) || (serviceKindEntry is not null && serviceKinds is null))
        {
            return null;
        }

        return new CandidateCondition(
            node.Start,
            kinds?.Select(k => Vocabulary.EntityKinds[k.Name]).ToList(),
            serviceKinds?.Select(k => Vocabulary.ServiceKinds[k.Name]).ToList());
    }
}
