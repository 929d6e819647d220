namespace RootCause.Lab.Tests.AlertChain;

/// <summary>A test that runs Prometheus' programs; skipped with a one-line reason when they are absent, except under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlertChainFactAttribute : FactAttribute
{
    public AlertChainFactAttribute()
    {
        if (AlertChainPrograms.Missing is { } reason && !AlertChainPrograms.IsCi)
        {
            Skip = reason;
        }
    }
}
