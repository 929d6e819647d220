namespace RootCause.Analysis.FaultTrees;

/// <summary>Collects the errors of one file into a list shared by all files of a load.</summary>
internal sealed class FileDiagnostics(string path, List<FaultTreeError> sink)
{
    public string Path => path;

    public int Count { get; private set; }

    public bool HasErrors => Count > 0;

    public void Add(SourceMark at, string message)
    {
        sink.Add(new FaultTreeError(path, at.Line, at.Column, message));
        Count++;
    }
}
