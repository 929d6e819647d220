namespace RootCause.Agent.Loading;

/// <summary>Outcome of the startup checks: errors stop the agent, warnings only degrade it.</summary>
internal sealed record StartupReport(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool CanRun => Errors.Count == 0;
}
