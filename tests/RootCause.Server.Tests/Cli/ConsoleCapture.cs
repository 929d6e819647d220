using System.CommandLine;

namespace RootCause.Server.Tests.Cli;

/// <summary>
/// Runs a verb as `rootcause` would and captures what it writes. The verbs write to the process console, so
/// the tests that use this run one at a time (<see cref="SharedConsole"/>).
/// </summary>
internal static class ConsoleCapture
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(Command verb, params string[] args)
    {
        var root = new RootCommand { verb };
        var (oldOut, oldError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await root.Parse([verb.Name, .. args]).InvokeAsync();
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
