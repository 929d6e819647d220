using System.Diagnostics;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>Runs a command-line program to its end, bounded in time, and returns what it said.</summary>
internal static class CommandLineTool
{
    public static async Task<CommandResult> RunAsync(string file, IEnumerable<string> arguments, string? input = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not end within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds} s");
        }

        return new CommandResult(process.ExitCode, await output, await error);
    }
}
