namespace RootCause.Lab.Tests.Infrastructure;

/// <summary>
/// A test that builds lab objects on this host (namespaces, cgroups, nftables): skipped with a one-line reason when
/// not root or a tool is missing, except under CI=true, where it runs and fails with that reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LabHostFactAttribute : FactAttribute
{
    public LabHostFactAttribute()
    {
        if (LabHost.MissingReason() is { } reason && !LabHost.IsCi)
        {
            Skip = reason;
        }
    }
}
