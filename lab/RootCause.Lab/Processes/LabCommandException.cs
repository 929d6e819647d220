namespace RootCause.Lab;

/// <summary>An external command (ip, nft, tc, psql …) failed or did not finish in time; carries its command line and stderr.</summary>
public sealed class LabCommandException : LabException
{
    public LabCommandException()
    {
    }

    public LabCommandException(string message)
        : base(message)
    {
    }

    public LabCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LabCommandException(string commandLine, int? exitCode, string standardError, string problem)
        : base($"`{commandLine}` {problem}{(standardError.Length > 0 ? $": {standardError}" : string.Empty)}")
    {
        CommandLine = commandLine;
        ExitCode = exitCode;
        StandardError = standardError;
    }

    public string CommandLine { get; } = string.Empty;

    /// <summary>Null when the command did not finish in time or could not start.</summary>
    public int? ExitCode { get; }

    public string StandardError { get; } = string.Empty;
}
