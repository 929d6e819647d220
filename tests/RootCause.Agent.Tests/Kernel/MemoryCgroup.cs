namespace RootCause.Agent.Tests.Kernel;

/// <summary>
/// A memory cgroup made by a test under the test process's own one (cgroup v1 memory hierarchy, or v2), with
/// a hard limit. Removed on dispose once its processes are gone.
/// </summary>
internal sealed class MemoryCgroup : IDisposable
{
    private MemoryCgroup(string path, string procs)
    {
        Path = path;
        Procs = procs;
    }

    public string Path { get; }

    /// <summary>The file a pid is written to to move it in.</summary>
    public string Procs { get; }

    public static MemoryCgroup Create(string name, long limitBytes)
    {
        var lines = File.ReadAllLines("/proc/self/cgroup");
        var v1 = lines.Select(l => l.Split(':', 3)).FirstOrDefault(p => p.Length == 3 && p[1].Split(',').Contains("memory"));
        string path;
        string limitFile;
        if (v1 is not null && Directory.Exists("/sys/fs/cgroup/memory"))
        {
            path = "/sys/fs/cgroup/memory" + v1[2].TrimEnd('/') + "/" + name;
            limitFile = "memory.limit_in_bytes";
        }
        else
        {
            var own = lines.Select(l => l.Split(':', 3)).First(p => p.Length == 3 && p[0] == "0")[2];
            path = "/sys/fs/cgroup" + own.TrimEnd('/') + "/" + name;
            limitFile = "memory.max";
        }

        Directory.CreateDirectory(path);
        var cgroup = new MemoryCgroup(path, System.IO.Path.Combine(path, "cgroup.procs"));
        try
        {
            File.WriteAllText(System.IO.Path.Combine(path, limitFile), limitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch
        {
            cgroup.Dispose();
            throw;
        }

        return cgroup;
    }

    public void Dispose()
    {
        // rmdir fails while a process is still inside: give killed ones a moment to be reaped.
        for (var attempt = 0; attempt < 50 && Directory.Exists(Path); attempt++)
        {
            try
            {
                Directory.Delete(Path);
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
        }
    }
}
