using System.Net;
using System.Net.Sockets;

namespace RootCause.Lab.Tests.Service;

/// <summary>
/// Whether the real servers the service tests start (redis-server, PostgreSQL) can run here, and why not. Under CI=true
/// a missing server is a failure, not a skip.
/// </summary>
internal static class LabServers
{
    public const string Redis = "redis";
    public const string Postgres = "postgres";

    public static bool IsCi => string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? RedisServerPath => Find("redis-server", ["/usr/bin", "/usr/local/bin", "/usr/sbin"]);

    /// <summary>The folder of PostgreSQL's server binaries (initdb, pg_ctl), the newest Debian version first.</summary>
    public static string? PostgresBin =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")))
            : null;

    public static string? MissingReason(string server) => server switch
    {
        Redis when RedisServerPath is null => "needs redis-server (apt-get install redis-server)",
        Postgres when !OperatingSystem.IsLinux() || !System.Environment.IsPrivilegedProcess => "needs root (initdb runs as the postgres user through su)",
        Postgres when PostgresBin is null => "needs PostgreSQL's server binaries under /usr/lib/postgresql (apt-get install postgresql)",
        _ => null,
    };

    /// <summary>Fails with the reason when the server cannot run (reached only when not skipped, i.e. under CI).</summary>
    public static void Require(string server)
    {
        if (MissingReason(server) is { } reason)
        {
            Assert.Fail($"CI=true, so this is a failure and not a skip: {reason}");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Find(string tool, string[] extra) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Concat(extra)
            .Where(folder => folder.Length > 0)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
}
