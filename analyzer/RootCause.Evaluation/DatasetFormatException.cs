namespace RootCause.Evaluation;

/// <summary>A dataset file (NAB, PetShop, RiskLoc RS) that does not have the expected shape; the message names file:line.</summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string file, int line, string problem)
        : base(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public DatasetFormatException()
        : this("", 0, "malformed dataset file")
    {
    }

    public DatasetFormatException(string message)
        : this("", 0, message)
    {
    }

    public DatasetFormatException(string message, Exception innerException)
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
