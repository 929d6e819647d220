namespace RootCause.Analysis.FaultTrees;

/// <summary>
/// The loaded fault trees, applied in the order their files were given; the first tree that reaches a class
/// other than inconclusive wins. Classes are shared by the set, so an operator's tree may reach the classes
/// the default tree declares.
/// </summary>
public sealed class FaultTreeSet
{
    private readonly IReadOnlyList<FaultTree> trees;
    private readonly ClassDeclarations classes;

    private FaultTreeSet(IReadOnlyList<FaultTree> trees, ClassDeclarations classes)
    {
        this.trees = trees;
        this.classes = classes;
    }

    /// <summary>The tree names, in the order they are applied.</summary>
    public IReadOnlyList<string> TreeNames => [.. trees.Select(t => t.Name)];

    /// <summary>Parses and links the files; never throws for bad input.</summary>
    public static FaultTreeParseResult Parse(IEnumerable<(string Path, string Text)> files)
    {
        var errors = new List<FaultTreeError>();
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = new List<FaultTreeFile>();
        foreach (var (path, text) in files)
        {
            order.TryAdd(path ?? "", order.Count);
            read.Add(FaultTreeReader.Read(path ?? "", text ?? "", errors));
        }

        var classes = Link(read);
        if (errors.Count > 0)
        {
            return new FaultTreeParseResult(null, Sorted(errors, order));
        }

        var set = new FaultTreeSet([.. read.Select(f => f.Tree!)], classes);
        return new FaultTreeParseResult(set, []);
    }

    /// <summary>Classifies one candidate with every tree in order.</summary>
    public Classification Classify(CandidateEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        Classification? firstInconclusive = null;
        foreach (var tree in trees)
        {
            var classification = Classify(tree, evidence);
            if (classification.FaultClass != FaultClass.InconclusiveId)
            {
                return classification;
            }

            // A tree that reached inconclusive on purpose says more than one where nothing matched.
            if (firstInconclusive is null || (firstInconclusive.ConditionPath.Count == 0 && classification.ConditionPath.Count > 0))
            {
                firstInconclusive = classification;
            }
        }

        return firstInconclusive ?? Describe(FaultClass.Inconclusive, [], "");
    }

    /// <summary>The tree loaded from <paramref name="path"/>, for running that file's examples.</summary>
    internal FaultTree? TreeFromPath(string path) => trees.FirstOrDefault(t => string.Equals(t.Path, path, StringComparison.Ordinal));

    /// <summary>The set's classes and where they are declared, for the errors of examples that name a class.</summary>
    internal ClassDeclarations Classes => classes;

    internal Classification Classify(FaultTree tree, CandidateEvidence evidence) =>
        tree.Classify(evidence) is var (id, path)
            ? Describe(id == FaultClass.InconclusiveId ? FaultClass.Inconclusive : classes.ById[id].Class, path, tree.Name)
            : Describe(FaultClass.Inconclusive, [], tree.Name);

    private static Classification Describe(FaultClass faultClass, IReadOnlyList<string> path, string tree) =>
        new(faultClass.Id, faultClass.Title, path, faultClass.Advice, tree);

    /// <summary>Checks what spans files: one declaration per class and tree name, every reached class declared, every declared class reached.</summary>
    private static ClassDeclarations Link(List<FaultTreeFile> files)
    {
        var classes = new ClassDeclarations();
        var declaredIn = new Dictionary<string, FaultTreeFile>(StringComparer.Ordinal);
        var treeNames = new Dictionary<string, (FaultTreeFile File, SourceMark At)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.TreeName is var (name, at))
            {
                if (treeNames.TryGetValue(name, out var first))
                {
                    file.Diagnostics.Add(at, $"tree '{name}' is defined twice in the set, at {first.File.Path}:{first.At.Line}:{first.At.Column} and at {file.Path}:{at.Line}:{at.Column}; tree names must be unique");
                }
                else
                {
                    treeNames.Add(name, (file, at));
                }
            }

            foreach (var (faultClass, classAt) in file.Classes)
            {
                var declaration = new ClassDeclaration(faultClass, file.Path, classAt);
                if (classes.TryAdd(declaration) is { } first)
                {
                    file.Diagnostics.Add(classAt, ClassDeclarations.Twice(first, declaration));
                }
                else
                {
                    declaredIn.Add(faultClass.Id, file);
                }
            }
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var (id, at) in file.References)
            {
                if (classes.IsClass(id))
                {
                    reached.Add(id);
                }
                else
                {
                    file.Diagnostics.Add(at, classes.Unknown(id));
                }
            }
        }

        // A broken branch may have hidden the reference to a class, so "unused" is only said of whole trees.
        if (files.All(f => !f.Diagnostics.HasErrors))
        {
            foreach (var (id, declared) in classes.ById)
            {
                if (!reached.Contains(id))
                {
                    declaredIn[id].Diagnostics.Add(declared.At, $"class '{id}' is declared but no branch reaches it");
                }
            }
        }

        return classes;
    }

    private static List<FaultTreeError> Sorted(List<FaultTreeError> errors, Dictionary<string, int> order) =>
        [.. errors.OrderBy(e => order.GetValueOrDefault(e.Path)).ThenBy(e => e.Line).ThenBy(e => e.Column)];
}
