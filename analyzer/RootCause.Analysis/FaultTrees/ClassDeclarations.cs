namespace RootCause.Analysis.FaultTrees;

/// <summary>
/// The classes of a set and where each is declared. Class ids are shared across files, so an error about
/// one must say where to look: which files declare classes, where a near match is, where both copies are.
/// </summary>
internal sealed class ClassDeclarations
{
    /// <summary>Near matches named in an unknown-class error; more than this is noise.</summary>
    private const int MaxNearMatches = 3;

    /// <summary>Declaring files named in an unknown-class error before "and N more".</summary>
    private const int MaxFilesNamed = 5;

    private readonly Dictionary<string, ClassDeclaration> byId = new(StringComparer.Ordinal);
    private readonly List<string> files = [];

    public IReadOnlyDictionary<string, ClassDeclaration> ById => byId;

    /// <summary>Adds the declaration, or returns the earlier one of the same id (and adds nothing).</summary>
    public ClassDeclaration? TryAdd(ClassDeclaration declaration)
    {
        if (byId.TryGetValue(declaration.Class.Id, out var first))
        {
            return first;
        }

        byId.Add(declaration.Class.Id, declaration);
        if (!files.Contains(declaration.Path, StringComparer.Ordinal))
        {
            files.Add(declaration.Path);
        }

        return null;
    }

    /// <summary>True for a declared class and for the built-in <c>inconclusive</c>.</summary>
    public bool IsClass(string id) => id == FaultClass.InconclusiveId || byId.ContainsKey(id);

    /// <summary>
    /// "unknown class 'x'; did you mean 'y' (declared at f:3:3)? (classes are declared under 'classes' in f, g)":
    /// the near matches with their places, then the files where this set declares its classes.
    /// </summary>
    public string Unknown(string id)
    {
        var near = Spelling.NearMatches(id, byId.Keys.Append(FaultClass.InconclusiveId), MaxNearMatches);
        var hint = near.Count == 0
            ? ""
            : "; did you mean " + string.Join(" or ", near.Select(n => byId.TryGetValue(n, out var d) ? $"'{n}' (declared at {d.Place})" : $"'{n}' (built in)")) + "?";
        return $"unknown class '{id}'{hint} ({Where()})";
    }

    /// <summary>"class 'x' is declared twice in the set, at f:3:3 and at g:5:3; …".</summary>
    public static string Twice(ClassDeclaration first, ClassDeclaration second) =>
        $"class '{first.Class.Id}' is declared twice in the set, at {first.Place} and at {second.Place}; declare it once (any tree may reach a class declared in another file)";

    private string Where()
    {
        if (files.Count == 0)
        {
            return "no file of this set declares classes under 'classes'";
        }

        var named = string.Join(", ", files.Take(MaxFilesNamed));
        var more = files.Count > MaxFilesNamed ? $" and {files.Count - MaxFilesNamed} more" : "";
        return $"classes are declared under 'classes' in {named}{more}";
    }
}
