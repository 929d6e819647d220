namespace RootCause.Agent.Tests.Kernel;

/// <summary>
/// A test that loads the real BPF programs. Skipped with a one-line reason when not root or a tool is absent,
/// except under CI=true, where it runs and fails with that reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute(params string[] tools)
    {
        Tools = tools;
        var reason = KernelEnvironment.MissingReason(tools);
        if (reason is not null && !KernelEnvironment.IsCi)
        {
            Skip = reason;
        }
    }

    public IReadOnlyList<string> Tools { get; }
}
