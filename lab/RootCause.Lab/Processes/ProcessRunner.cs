using System.ComponentModel;
using System.Diagnostics;

namespace RootCause.Lab;

/// <summary>
/// The one way the lab runs external programs: short commands with a bounded wait (killed when it runs out, a
/// failure names the command line and carries its stderr), and long-running processes started without pipes.
/// </summary>
internal static class ProcessRunner
{
    /// <summary>How long a short command (ip, nft, tc, psql) may take before it is killed.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How long the output of a killed command is still awaited (a grandchild may hold its pipes).</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Runs a command to its end; a non-zero exit is returned, not thrown. Throws <see cref="LabCommandException"/> when it cannot start or times out.</summary>
    public static async Task<CommandResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        TimeSpan? timeout = null,
        string? standardInput = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var commandLine = CommandLine(fileName, arguments);
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new LabCommandException(commandLine, null, string.Empty, $"could not start ({e.Message})");
        }

        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The command exited before reading its input; its exit code and stderr say why.
        }

        var limit = timeout ?? DefaultTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            var partial = await Drain(error);
            cancellationToken.ThrowIfCancellationRequested();
            throw new LabCommandException(commandLine, null, partial, $"did not finish within {limit.TotalSeconds:0.#} s and was killed");
        }

        return new CommandResult(commandLine, process.ExitCode, await Drain(output), await Drain(error));
    }

    /// <summary>Runs a command and returns its stdout; <see cref="LabCommandException"/> on a non-zero exit, a timeout or a failed start.</summary>
    public static async Task<string> RunCheckedAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        TimeSpan? timeout = null,
        string? standardInput = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await RunAsync(fileName, arguments, cancellationToken, timeout, standardInput, environment);
        return result.Succeeded
            ? result.StandardOutput
            : throw new LabCommandException(result.CommandLine, result.ExitCode, result.StandardError.Trim(), $"failed with exit code {result.ExitCode}");
    }

    /// <summary>
    /// Starts a long-running process with no pipes (it writes its own log; see <see cref="MemberLauncher"/>), stdin and
    /// stdout inherited. Throws <see cref="LabCommandException"/> when it cannot start.
    /// </summary>
    public static Process Start(string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        try
        {
            return Process.Start(startInfo) ?? throw new LabCommandException(CommandLine(fileName, arguments), null, string.Empty, "did not start");
        }
        catch (Win32Exception e)
        {
            throw new LabCommandException(CommandLine(fileName, arguments), null, string.Empty, $"could not start ({e.Message})");
        }
    }

    /// <summary>Sends a signal by name ("TERM", "INT", "KILL") to a process; false when it is already gone.</summary>
    public static async Task<bool> SignalAsync(int pid, string signal, CancellationToken cancellationToken)
    {
        var result = await RunAsync("kill", ["-s", signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken, TimeSpan.FromSeconds(5));
        return result.Succeeded;
    }

    /// <summary>The command as a reader would type it, for error messages.</summary>
    public static string CommandLine(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { fileName }.Concat(arguments).Select(a => a.Length == 0 || a.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$') ? ShellQuote(a) : a));

    /// <summary>Quotes one word for sh.</summary>
    public static string ShellQuote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static async Task<string> Drain(Task<string> stream)
    {
        try
        {
            return await stream.WaitAsync(DrainTimeout);
        }
        catch (TimeoutException)
        {
            return string.Empty;
        }
    }
}
