namespace RootCause.Lab.Tests.AlertChain;

/// <summary>Runs promtool or amtool over files written into a fresh folder.</summary>
internal static class PromtoolRun
{
    public static async Task<(bool Passed, string Output)> RunAsync(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> files)
    {
        var folder = Directory.CreateTempSubdirectory("rclab-promtool-");
        try
        {
            foreach (var (name, text) in files)
            {
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, name), text);
            }

            var result = await ProcessRunner.RunAsync(
                program,
                arguments.Select(a => a.Replace("{dir}", folder.FullName, StringComparison.Ordinal)).ToArray(),
                CancellationToken.None,
                TimeSpan.FromSeconds(60));
            return (result.Succeeded, (result.StandardOutput + result.StandardError).Trim());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
