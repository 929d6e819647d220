using System.Globalization;

namespace RootCause.Lab;

/// <summary>The command line of each role of rootcause-lab-service, with the upstreams and data stores of the lab contract.</summary>
internal static class ServiceCommands
{
    /// <summary>Environment for the services: quiet .NET, workstation GC (six runtimes share two cores).</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_gcServer"] = "0",
        ["DOTNET_TieredPGO"] = "0",
    };

    public static IReadOnlyList<string> Arguments(LabMember member, string serviceAssembly, string controlFile, double loadRate)
    {
        var arguments = new List<string> { serviceAssembly, "--role", member.Name, "--control", controlFile };
        if (member.Kind == LabMemberKind.LoadGenerator)
        {
            arguments.AddRange(["--target", LabLayout.Gateway.BaseUrl, "--rate", loadRate.ToString(CultureInfo.InvariantCulture)]);
            return arguments;
        }

        arguments.AddRange(["--listen", $"{member.Address}:{member.Port}"]);
        foreach (var call in LabLayout.Calls.Where(c => c.Source == member && c.Destination.Kind == LabMemberKind.Service))
        {
            arguments.AddRange(["--upstream", $"{call.Destination.Name}={call.Destination.BaseUrl}"]);
        }

        if (member == LabLayout.Catalog)
        {
            arguments.AddRange(["--postgres", PostgresServer.ConnectionString]);
        }

        if (member == LabLayout.Cart)
        {
            arguments.AddRange(["--redis", $"{LabLayout.CartCache.Address}:{LabLayout.CartCache.Port}"]);
        }

        return arguments;
    }
}
