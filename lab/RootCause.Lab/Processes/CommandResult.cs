namespace RootCause.Lab;

/// <summary>How an external command ended and what it printed.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
