namespace RootCause.Agent.Tests.Kernel;

/// <summary>How a command-line program ended.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}: {Output.Trim()} {Error.Trim()}";
}
