using RootCause.Agent.Aggregation;

namespace RootCause.Agent.Tests.Aggregation;

/// <summary>A cgroup file tree in a temp folder: v1 hierarchies (cpu, cpuacct, memory apart) and a v2 one, with their layout.</summary>
internal sealed class FakeCgroupTree : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("rc-cgroup-");

    public string Root => root.FullName;

    /// <summary>A hybrid host: each v1 controller on its own mount, v2 at unified/.</summary>
    public CgroupLayout Hybrid => new(
        new CgroupMount(Path.Combine(Root, "unified"), "/"),
        new Dictionary<string, CgroupMount>
        {
            ["cpu"] = new(Path.Combine(Root, "cpu"), "/"),
            ["cpuacct"] = new(Path.Combine(Root, "cpuacct"), "/"),
            ["memory"] = new(Path.Combine(Root, "memory"), "/"),
        });

    /// <summary>A v2-only host: the v2 hierarchy at unified/, no v1 controllers.</summary>
    public CgroupLayout V2Only => new(new CgroupMount(Path.Combine(Root, "unified"), "/"), new Dictionary<string, CgroupMount>());

    /// <summary>Writes <paramref name="content"/> to &lt;root&gt;/&lt;hierarchy&gt;&lt;cgroup&gt;/&lt;file&gt;.</summary>
    public FakeCgroupTree Write(string hierarchy, string cgroup, string file, string content)
    {
        var folder = Path.Combine(Root, hierarchy) + cgroup;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, file), content);
        return this;
    }

    public void Remove(string hierarchy, string cgroup) => Directory.Delete(Path.Combine(Root, hierarchy) + cgroup, recursive: true);

    public void Dispose() => root.Delete(recursive: true);
}
