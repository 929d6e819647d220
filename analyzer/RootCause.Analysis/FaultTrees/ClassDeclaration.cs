namespace RootCause.Analysis.FaultTrees;

/// <summary>A class and the place (file, line, column of its id under <c>classes:</c>) it is declared.</summary>
internal sealed record ClassDeclaration(FaultClass Class, string Path, SourceMark At)
{
    /// <summary>"file:line:column", the way errors name a place.</summary>
    public string Place => $"{Path}:{At.Line}:{At.Column}";
}
