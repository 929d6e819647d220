namespace RootCause.Evaluation.Nab;

/// <summary>A NAB file (data, labels, profiles, thresholds, results) that does not have the expected shape; the message names file:line.</summary>
public sealed class NabFormatException : Exception
{
    public NabFormatException(string file, int line, string problem)
        : base(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public NabFormatException()
        : this("", 0, "malformed NAB file")
    {
    }

    public NabFormatException(string message)
        : this("", 0, message)
    {
    }

    public NabFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
        Problem = message;
    }

    /// <summary>The file at fault.</summary>
    public string File { get; }

    /// <summary>1-based line, or 0 when the whole file is at fault (missing, empty).</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
