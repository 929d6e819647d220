using System.Diagnostics;
using System.Globalization;

namespace RootCause.Lab.Tests.Infrastructure;

/// <summary>What the host tests need, and small tools to drive traffic inside the lab's namespaces.</summary>
internal static class LabHost
{
    /// <summary>
    /// An HTTP client run inside a namespace: GETs a URL n times, each on a new connection, a gap apart, prints
    /// "ok failed slow mean max" (slow: answered 200 after more than 0.2 s).
    /// </summary>
    private const string ProbeScript = """
        import sys, time, urllib.request
        url, n, timeout, gap = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
        ok = failed = slow = 0
        times = []
        for _ in range(n):
            t = time.monotonic()
            try:
                with urllib.request.urlopen(url, timeout=timeout) as r:
                    r.read()
                    ok += r.status == 200
                    slow += time.monotonic() - t > 0.2
            except Exception:
                failed += 1
            times.append(time.monotonic() - t)
            time.sleep(gap)
        print(ok, failed, slow, sum(times) / len(times), max(times))
        """;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>One line on why the host tests cannot run here, or null.</summary>
    public static string? MissingReason()
    {
        if (LabPreconditionsProbe.Problem() is { } problem)
        {
            return problem;
        }

        return LabPreconditionsProbe.Find("python3") is null ? "the lab's host tests drive traffic with python3 (python3-minimal)" : null;
    }

    /// <summary>Fails the test with the reason when the host cannot run it (reached only when not skipped, i.e. under CI).</summary>
    public static void Require()
    {
        if (MissingReason() is { } reason)
        {
            Assert.Fail($"CI=true, so this is a failure and not a skip: {reason}");
        }
    }

    /// <summary>A lab with its network and cgroups only (no servers).</summary>
    public static async Task<LabEnvironment> StartNetworkAsync(string workDirectory)
    {
        var lab = new LabEnvironment();
        await lab.StartAsync(new LabOptions { StartDataStores = false, StartServices = false, WorkDirectory = workDirectory }, null, CancellationToken.None);
        return lab;
    }

    /// <summary>python3's HTTP server serving <paramref name="directory"/> on the member's address, in its namespace and cgroup; waits until it answers.</summary>
    public static async Task<Process> StartHttpServerAsync(LabEnvironment lab, LabMember member, string directory)
    {
        var process = MemberLauncher.Start(HttpServerCommand(lab, member, directory));
        await PortProbe.WaitAsync(member.Name, member.EndPoint, TimeSpan.FromSeconds(20), () => !process.HasExited, Path.Combine(directory, "server.log"), CancellationToken.None);
        return process;
    }

    public static MemberCommand HttpServerCommand(LabEnvironment lab, LabMember member, string directory) => new(
        member.Name,
        "python3",
        ["-m", "http.server", "--bind", member.Address.ToString(), member.Port!.Value.ToString(CultureInfo.InvariantCulture), "--directory", directory],
        member.Namespace,
        lab.Cgroups.Member(member.Name).ProcsFiles,
        Path.Combine(directory, "server.log"));

    /// <summary>
    /// GETs <paramref name="url"/> <paramref name="count"/> times from inside <paramref name="from"/>'s namespace,
    /// <paramref name="gapSeconds"/> apart (spread over time as a steady load's requests are, not bunched into one
    /// quiet moment of a periodic fault).
    /// </summary>
    public static async Task<ProbeResult> ProbeAsync(LabMember from, string url, int count, double timeoutSeconds, double gapSeconds = 0)
    {
        var output = await LabNetwork.ExecAsync(
            from.Namespace,
            ["python3", "-c", ProbeScript, url, count.ToString(CultureInfo.InvariantCulture), timeoutSeconds.ToString(CultureInfo.InvariantCulture), gapSeconds.ToString(CultureInfo.InvariantCulture)],
            CancellationToken.None,
            timeout: TimeSpan.FromSeconds((count * (timeoutSeconds + gapSeconds)) + 30));
        var fields = output.Trim().Split(' ');
        return new ProbeResult(
            int.Parse(fields[0], CultureInfo.InvariantCulture),
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            int.Parse(fields[2], CultureInfo.InvariantCulture),
            double.Parse(fields[3], CultureInfo.InvariantCulture),
            double.Parse(fields[4], CultureInfo.InvariantCulture));
    }

    public static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Gone already.
        }

        process.Dispose();
    }

    /// <summary>rootcause-lab-service.dll: next to the tests (the test project references it), else the service project's Release build in the checkout ($ROOTCAUSE_HOME or above the tests).</summary>
    public static string ServiceAssembly()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "rootcause-lab-service.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "rootcause-lab-service.runtimeconfig.json")))
        {
            return beside;
        }

        var home = Environment.GetEnvironmentVariable("ROOTCAUSE_HOME") is { Length: > 0 } set ? set : AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(home); directory is not null; directory = directory.Parent)
        {
            var built = Path.Combine(directory.FullName, "lab/RootCause.Lab.Service/bin/Release/net10.0/rootcause-lab-service.dll");
            if (File.Exists(built))
            {
                return built;
            }
        }

        Assert.Fail("rootcause-lab-service.dll is not built: dotnet build lab/RootCause.Lab.Service -c Release");
        return string.Empty;
    }

    public static string NewWorkDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rclab-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        return directory;
    }
}

/// <summary>What a run of the probe saw: requests answered 200, requests that failed or timed out, answered ones slower than 0.2 s, mean and slowest duration in seconds.</summary>
internal sealed record ProbeResult(int Ok, int Failed, int Slow, double MeanSeconds, double MaxSeconds);
