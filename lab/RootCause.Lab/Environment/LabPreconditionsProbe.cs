namespace RootCause.Lab;

/// <summary>What the lab's infrastructure needs from the host, checked before anything is built (one line on what is missing).</summary>
internal static class LabPreconditionsProbe
{
    /// <summary>Programs the infrastructure runs, with the Debian package that brings them.</summary>
    private static readonly (string Program, string Package)[] Programs =
    [
        ("ip", "iproute2"), ("tc", "iproute2"), ("nft", "nftables"), ("setpriv", "util-linux"), ("kill", "procps"), ("chown", "coreutils"),
    ];

    /// <summary>Null when the infrastructure can be built here, else why not.</summary>
    public static string? Problem()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "the lab needs Linux (network namespaces, cgroups)";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return "the lab needs root (network namespaces, cgroups, nftables)";
        }

        var missing = Programs.Where(p => Find(p.Program) is null).Select(p => $"{p.Program} ({p.Package})").ToArray();
        return missing.Length > 0 ? $"missing programs: {string.Join(", ", missing)}; scripts/setup installs them" : null;
    }

    public static string? Find(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"])
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
    }
}
