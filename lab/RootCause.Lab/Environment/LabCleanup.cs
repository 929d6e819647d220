using System.Globalization;

namespace RootCause.Lab;

/// <summary>
/// Finds and removes every lab object on the host: processes in a lab namespace or cgroup, nftables tables and
/// iptables rules of the lab, namespaces, links (veths and the bridge, with their qdiscs) and cgroups. Used at the
/// end of every teardown, before a start (a crashed run's leftovers), by tests, and from a SIGINT handler.
/// </summary>
public static class LabCleanup
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Lists every lab object still on the host (empty when clean). Throws <see cref="LabCommandException"/> when `ip` cannot list.</summary>
    public static async Task<IReadOnlyList<LabLeftover>> FindLeftoversAsync(CancellationToken cancellationToken = default)
    {
        var found = new List<LabLeftover>();
        found.AddRange((await LabProcessesAsync(cancellationToken)).Select(p => new LabLeftover("process", Describe(p))));
        found.AddRange((await LabNamespacesAsync(cancellationToken)).Select(n => new LabLeftover("namespace", n)));
        found.AddRange((await LabLinksAsync(cancellationToken)).Select(l => new LabLeftover("link", l)));
        found.AddRange((await LabTablesAsync(cancellationToken)).Select(t => new LabLeftover("nftables table", t)));
        found.AddRange((await HostFirewall.TaggedRulesAsync(cancellationToken)).Select(r => new LabLeftover("iptables rule", r)));
        found.AddRange(LabCgroupDirectories().Select(d => new LabLeftover("cgroup", d)));
        return found;
    }

    /// <summary>
    /// Stops every lab this process runs, then removes whatever lab objects are on the host (a crashed run's too) and
    /// reports what is left; safe to call from a SIGINT handler and more than once. Throws <see cref="LabException"/>
    /// when a lab of another live process holds the host.
    /// </summary>
    public static async Task<LabCleanupReport> RemoveLeftoversAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        foreach (var environment in LabEnvironment.Live())
        {
            problems.AddRange(await environment.StopAsync(cancellationToken));
        }

        using var hold = LabLock.Acquire();
        var report = await SweepAsync(cancellationToken);
        return report with { Problems = [.. problems, .. report.Problems] };
    }

    /// <summary>Removes every lab object; the caller holds the lab lock.</summary>
    internal static async Task<LabCleanupReport> SweepAsync(CancellationToken cancellationToken)
    {
        var found = await FindLeftoversAsync(cancellationToken);
        var problems = new List<string>();
        if (found.Count == 0)
        {
            return new LabCleanupReport(found, problems, []);
        }

        await Step(problems, "kill lab processes", () => KillLabProcessesAsync(cancellationToken));
        foreach (var table in await LabTablesAsync(cancellationToken))
        {
            await Step(problems, $"delete nftables table {table}", () => ProcessRunner.RunCheckedAsync("nft", ["delete", "table", .. table.Split(' ')], cancellationToken));
        }

        await Step(problems, "delete iptables rules", () => HostFirewall.CloseAsync(cancellationToken));
        foreach (var ns in await LabNamespacesAsync(cancellationToken))
        {
            await Step(problems, $"delete namespace {ns}", () => LabNetwork.DeleteNamespaceAsync(ns, cancellationToken));
        }

        // Veths first: deleting the bridge while ports hang on it works too, but this leaves no port half-removed.
        foreach (var link in (await LabLinksAsync(cancellationToken)).OrderBy(l => l == LabLayout.BridgeName))
        {
            await Step(problems, $"delete link {link}", () => LabNetwork.DeleteLinkAsync(link, cancellationToken));
        }

        await Step(problems, "remove cgroups", async () =>
        {
            var hierarchies = CgroupHierarchy.Discover();
            if (hierarchies.Any(h => h.Has("cpu")) && hierarchies.Any(h => h.Has("memory")))
            {
                problems.AddRange(await new LabCgroups(hierarchies).RemoveAllAsync(cancellationToken));
            }
        });

        // A namespace's veth and its processes go asynchronously after `ip netns delete`: wait for them, bounded.
        var started = TimeProvider.System.GetTimestamp();
        var left = await FindLeftoversAsync(cancellationToken);
        while (left.Count > 0 && TimeProvider.System.GetElapsedTime(started) < SettleTimeout)
        {
            await Task.Delay(100, cancellationToken);
            left = await FindLeftoversAsync(cancellationToken);
        }

        return new LabCleanupReport(found, problems, left);
    }

    private static async Task Step(List<string> problems, string what, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is LabException or IOException or UnauthorizedAccessException)
        {
            problems.Add($"{what}: {e.Message}");
        }
    }

    private static async Task KillLabProcessesAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while ((await LabProcessesAsync(cancellationToken)) is { Count: > 0 } pids)
        {
            if (TimeProvider.System.GetElapsedTime(started) > SettleTimeout)
            {
                throw new LabException($"processes {string.Join(", ", pids)} survived SIGKILL");
            }

            foreach (var pid in pids)
            {
                await ProcessRunner.SignalAsync(pid, "KILL", cancellationToken);
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Pids in a lab namespace or a lab cgroup (never this process).</summary>
    private static async Task<IReadOnlyList<int>> LabProcessesAsync(CancellationToken cancellationToken)
    {
        var pids = new HashSet<int>();
        foreach (var ns in await LabNamespacesAsync(cancellationToken))
        {
            pids.UnionWith(await LabNetwork.PidsAsync(ns, cancellationToken));
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // "4:memory:/rclab/gateway" (v1) or "0::/rclab/gateway" (v2).
                if (File.ReadLines(Path.Combine(directory, "cgroup")).Any(IsLabCgroupLine))
                {
                    pids.Add(pid);
                }
            }
            catch (IOException)
            {
                // It exited while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to see (not root): the namespace check above still applies.
            }
        }

        pids.Remove(Environment.ProcessId);
        return [.. pids.Order()];
    }

    private static bool IsLabCgroupLine(string line)
    {
        var path = line.Split(':', 3) is { Length: 3 } parts ? parts[2] : string.Empty;
        return path == $"/{LabLayout.CgroupRoot}" || path.StartsWith($"/{LabLayout.CgroupRoot}/", StringComparison.Ordinal);
    }

    private static string Describe(int pid)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return $"{pid} ({(commandLine.Length > 80 ? commandLine[..80] + "…" : commandLine)})";
        }
        catch (IOException)
        {
            return pid.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static async Task<IReadOnlyList<string>> LabNamespacesAsync(CancellationToken cancellationToken) =>
        (await LabNetwork.NamespacesAsync(cancellationToken)).Where(IsLabName).ToArray();

    private static async Task<IReadOnlyList<string>> LabLinksAsync(CancellationToken cancellationToken) =>
        (await LabNetwork.LinksAsync(cancellationToken)).Where(IsLabName).ToArray();

    /// <summary>The host's nftables tables named rclab*, as "family name".</summary>
    private static async Task<IReadOnlyList<string>> LabTablesAsync(CancellationToken cancellationToken)
    {
        if (LabPreconditionsProbe.Find("nft") is null)
        {
            return [];
        }

        var result = await ProcessRunner.RunAsync("nft", ["list", "tables"], cancellationToken);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' '))
            .Where(words => words.Length == 3 && words[0] == "table" && IsLabName(words[2]))
            .Select(words => $"{words[1]} {words[2]}")
            .ToArray();
    }

    private static List<string> LabCgroupDirectories()
    {
        var found = new List<string>();
        foreach (var hierarchy in CgroupHierarchy.Discover())
        {
            var root = Path.Combine(hierarchy.MountPoint, LabLayout.CgroupRoot);
            if (Directory.Exists(root))
            {
                found.AddRange(Directory.EnumerateDirectories(root));
                found.Add(root);
            }
        }

        return found;
    }

    private static bool IsLabName(string name) => name.StartsWith(LabLayout.Prefix, StringComparison.Ordinal);
}
