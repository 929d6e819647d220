using System.Globalization;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>
/// Symbolic links to installed programs under names of this test run's own: the kernel names a process after the file
/// it executed, so the agent reports "pgsrv-1234", not "postgres", and other PostgreSQL or Redis processes on the
/// machine (a lab, another suite) do not count in these tests. A name unknown to the agent also proves a kind learnt
/// from the protocol, not from the program's name or port.
/// </summary>
internal sealed class RenamedPrograms : IDisposable
{
    private static readonly string Suffix = "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public RenamedPrograms()
    {
        // World-readable: the PostgreSQL server runs as its own user.
        Folder = Directory.CreateTempSubdirectory("rc-kt-programs-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Folder, (UnixFileMode)0b111_101_101);
        }
    }

    public string Folder { get; }

    /// <summary>The comm of a program linked as <paramref name="prefix"/> (at most 15 characters, as the kernel keeps).</summary>
    public static string Comm(string prefix)
    {
        var name = prefix + Suffix;
        return name.Length > 15 ? name[..15] : name;
    }

    /// <summary>Links <paramref name="target"/> as <paramref name="prefix"/>-PID and returns the link's path.</summary>
    public string Link(string target, string prefix)
    {
        var path = Path.Combine(Folder, prefix + Suffix);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
