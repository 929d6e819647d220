using System.Diagnostics;

namespace RootCause.Server.Cli;

/// <summary>
/// The lab's two executables, the agent and the shop's service, built from the checkout when `rootcause lab`
/// starts (an up-to-date build takes seconds): the tool itself is built without clang, the agent needs it.
/// </summary>
internal static class LabBuild
{
    public static string AgentAssembly(string home) => Path.Combine(home, "agent/RootCause.Agent/bin/Release/net10.0/rootcause-agent.dll");

    public static string ServiceAssembly(string home) => Path.Combine(home, "lab/RootCause.Lab.Service/bin/Release/net10.0/rootcause-lab-service.dll");

    /// <summary>The checkout: $ROOTCAUSE_HOME (set by ./rootcause), else the folder above the binary holding RootCause.sln.</summary>
    public static string? Home()
    {
        if (Environment.GetEnvironmentVariable("ROOTCAUSE_HOME") is { Length: > 0 } home)
        {
            return home;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RootCause.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Builds both; null when they built, else the build's output.</summary>
    public static async Task<string?> BuildAsync(string home, CancellationToken cancellationToken)
    {
        foreach (var project in new[] { "agent/RootCause.Agent/RootCause.Agent.csproj", "lab/RootCause.Lab.Service/RootCause.Lab.Service.csproj" })
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "build", Path.Combine(home, project), "-c", "Release", "--nologo", "-v", "quiet" })
            {
                start.ArgumentList.Add(argument);
            }

            using var build = Process.Start(start)!;
            var output = build.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = build.StandardError.ReadToEndAsync(cancellationToken);
            await build.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (build.ExitCode != 0)
            {
                return $"{project} does not build:{Environment.NewLine}{await output.ConfigureAwait(false)}{await errors.ConfigureAwait(false)}";
            }
        }

        return null;
    }
}
