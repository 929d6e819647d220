using System.CommandLine;

namespace RootCause.Server.Cli;

/// <summary>`rootcause serve`: runs the analyzer host.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the analyzer service (webhooks, API, report pages)");
        command.SetAction(_ => 0);
        return command;
    }
}
