namespace RootCause.Agent.Tests.Kernel;

/// <summary>Whether the kernel tests can run here, and why not. Under CI=true a missing resource is a failure, not a skip.</summary>
internal static class KernelEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A one-line reason the tests cannot run, or null.</summary>
    public static string? MissingReason(IEnumerable<string> tools)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "eBPF tests need Linux";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return "eBPF tests need root (they load BPF programs)";
        }

        if (!File.Exists("/sys/kernel/btf/vmlinux"))
        {
            return "eBPF tests need a kernel with BTF (/sys/kernel/btf/vmlinux)";
        }

        foreach (var tool in tools)
        {
            if (FindOnPath(tool) is null)
            {
                return $"eBPF test needs '{tool}' (scripts/setup installs it)";
            }
        }

        return null;
    }

    /// <summary>Fails the test with the reason when the environment is missing (reached only when not skipped, i.e. under CI).</summary>
    public static void Require(params string[] tools)
    {
        var reason = MissingReason(tools);
        if (reason is not null)
        {
            Assert.Fail($"CI=true, so this is a failure and not a skip: {reason}");
        }
    }

    public static string? FindOnPath(string tool)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Concat(["/usr/sbin", "/sbin"]))
        {
            var candidate = Path.Combine(folder, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
