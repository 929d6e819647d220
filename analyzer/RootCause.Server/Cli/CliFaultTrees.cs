using System.CommandLine;
using RootCause.Analysis.FaultTrees;
using RootCause.Server.Hosting;

namespace RootCause.Server.Cli;

/// <summary>Loads the fault trees for a verb, or prints every error (file:line:column) and says why it stops.</summary>
internal static class CliFaultTrees
{
    public static async Task<FaultTreeSet?> LoadOrReportAsync(DirectoryInfo? directory, string verb)
    {
        var path = directory?.FullName ?? FaultTreeDirectory.Default();
        var loaded = FaultTreeDirectory.Load(path);
        if (loaded.Succeeded)
        {
            return loaded.Set;
        }

        await Console.Error.WriteLineAsync($"rootcause {verb}: the fault trees in {path} do not load:").ConfigureAwait(false);
        foreach (var error in loaded.Errors)
        {
            await Console.Error.WriteLineAsync(error.ToString()).ConfigureAwait(false);
        }

        return null;
    }

    public static Option<DirectoryInfo?> Option() => new("--fault-trees")
    {
        Description = "Fault-tree directory (default: $ROOTCAUSE_HOME/fault-trees, else fault-trees beside the binary)",
    };
}
