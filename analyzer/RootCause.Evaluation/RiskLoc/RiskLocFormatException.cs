namespace RootCause.Evaluation.RiskLoc;

/// <summary>An RS dataset file that does not have the expected shape; the message names file:line.</summary>
public sealed class RiskLocFormatException : Exception
{
    public RiskLocFormatException(string file, int line, string problem)
        : base($"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public RiskLocFormatException()
        : this("", 0, "malformed RS dataset")
    {
    }

    public RiskLocFormatException(string message)
        : this("", 0, message)
    {
    }

    public RiskLocFormatException(string message, Exception innerException)
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
