using System.Globalization;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>
/// A cgroup made by a test with a CPU quota and a memory limit: on cgroup v1 (and hybrid hosts) one folder in
/// each of the cpu, cpuacct and memory hierarchies, under the test process's own cgroup there; on v2-only hosts
/// one folder under the root with +cpu +memory enabled. Its processes are killed and its folders removed on dispose.
/// </summary>
internal sealed class TestCgroup : IDisposable
{
    private const string Root = "/sys/fs/cgroup";
    private readonly List<string> folders;
    private readonly List<System.Diagnostics.Process> processes = [];

    private TestCgroup(List<string> folders)
    {
        this.folders = folders;
    }

    /// <summary>The shell command that moves the current shell into the cgroup (then exec the workload).</summary>
    public string Enter => string.Join(" && ", folders.Select(f => $"echo $$ > {f}/cgroup.procs"));

    public static TestCgroup Create(string name, double cpuCores, long memoryLimitBytes)
    {
        const long Period = 100_000;
        var quota = ((long)(cpuCores * Period)).ToString(CultureInfo.InvariantCulture);
        var limit = memoryLimitBytes.ToString(CultureInfo.InvariantCulture);
        var own = File.ReadAllLines("/proc/self/cgroup").Select(l => l.Split(':', 3)).Where(p => p.Length == 3).ToArray();
        var cgroup = new TestCgroup([]);
        try
        {
            if (File.Exists(Path.Combine(Root, "cgroup.controllers")))
            {
                File.WriteAllText(Path.Combine(Root, "cgroup.subtree_control"), "+cpu +memory");
                var folder = Path.Combine(Root, name);
                cgroup.Add(folder);
                File.WriteAllText(Path.Combine(folder, "cpu.max"), $"{quota} {Period}");
                File.WriteAllText(Path.Combine(folder, "memory.max"), limit);
                return cgroup;
            }

            foreach (var controller in new[] { "cpu", "cpuacct", "memory" })
            {
                var path = own.First(p => p[1].Split(',').Contains(controller))[2].TrimEnd('/');
                var folder = $"{Root}/{controller}{path}/{name}";
                cgroup.Add(folder);
                switch (controller)
                {
                    case "cpu":
                        File.WriteAllText(Path.Combine(folder, "cpu.cfs_period_us"), Period.ToString(CultureInfo.InvariantCulture));
                        File.WriteAllText(Path.Combine(folder, "cpu.cfs_quota_us"), quota);
                        break;
                    case "memory":
                        File.WriteAllText(Path.Combine(folder, "memory.limit_in_bytes"), limit);
                        break;
                    default:
                        break;
                }
            }

            return cgroup;
        }
        catch
        {
            cgroup.Dispose();
            throw;
        }
    }

    /// <summary>Starts <paramref name="command"/> (a shell command) inside the cgroup; it is killed on dispose.</summary>
    public System.Diagnostics.Process Start(string command)
    {
        var start = new System.Diagnostics.ProcessStartInfo("sh", ["-c", $"{Enter} && exec {command}"]) { UseShellExecute = false };
        var process = System.Diagnostics.Process.Start(start)!;
        processes.Add(process);
        return process;
    }

    public void Dispose()
    {
        foreach (var process in processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }

        foreach (var folder in folders.AsEnumerable().Reverse())
        {
            // rmdir fails while a process is still inside: give killed ones a moment to be reaped.
            for (var attempt = 0; attempt < 50 && Directory.Exists(folder); attempt++)
            {
                try
                {
                    Directory.Delete(folder);
                }
                catch (IOException)
                {
                    Thread.Sleep(100);
                }
            }
        }
    }

    private void Add(string folder)
    {
        Directory.CreateDirectory(folder);
        folders.Add(folder);
    }
}
