using System.Text.Json;
using RootCause.Bundles;
using RootCause.Server.Cli;
using RootCause.Simulation;

namespace RootCause.Server.Tests.Cli;

[Collection(nameof(SharedConsole))]
public sealed class CliVerbTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("rootcause-cli-");

    private static string FaultTrees => Path.Combine(AppContext.BaseDirectory, "fault-trees");

    [Fact]
    public async Task Analyze_reads_a_bundle_and_ranks_the_injected_slow_database_first()
    {
        var scenario = Scenario.Create(new ScenarioOptions { Services = 20, Fault = FaultKind.SlowDatabase, Seed = 7 });
        var path = Path.Combine(_temp.FullName, "incident.json.gz");
        BundleWriter.Write(scenario.ToBundle(), path);

        var (code, output, _) = await ConsoleCapture.RunAsync(AnalyzeCommand.Create(), "--bundle", path, "--json", "--fault-trees", FaultTrees);

        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(output);
        var top = report.RootElement.GetProperty("rootCauses")[0];
        Assert.Equal(scenario.Truth!.Name, top.GetProperty("entity").GetProperty("name").GetString());
        Assert.Equal("slow_database", top.GetProperty("faultClass").GetString());
    }

    [Fact]
    public async Task Analyze_names_a_broken_bundle_and_fails()
    {
        var path = Path.Combine(_temp.FullName, "broken.json");
        await File.WriteAllTextAsync(path, """{"format":"rootcause.incident-bundle","version":99}""");

        var (code, _, error) = await ConsoleCapture.RunAsync(AnalyzeCommand.Create(), "--bundle", path, "--fault-trees", FaultTrees);

        Assert.Equal(2, code);
        Assert.Contains("unsupported bundle version 99", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drilldown_prints_the_leaf_combination_that_carries_the_deviation_as_json()
    {
        var path = Path.Combine(_temp.FullName, "cube.csv");
        var rows = new List<string> { "node,operation,caller,errors,forecast_errors,requests,forecast_requests" };
        foreach (var node in new[] { "n1", "n2", "n3", "n4" })
        {
            foreach (var operation in new[] { "GET /cart", "POST /orders", "GET /items" })
            {
                foreach (var caller in new[] { "frontend", "mobile", "batch" })
                {
                    var broken = node == "n3" && operation == "GET /cart";
                    rows.Add($"{node},{operation},{caller},{(broken ? 400 : 5)},5,1000,1000");
                }
            }
        }

        await File.WriteAllLinesAsync(path, rows);

        var (code, output, _) = await ConsoleCapture.RunAsync(
            DrillDownCommand.Create(),
            "--csv", path, "--dims", "node,operation,caller", "--real", "errors", "--forecast", "forecast_errors",
            "--real-denominator", "requests", "--forecast-denominator", "forecast_requests", "--json");

        Assert.Equal(0, code);
        using var result = JsonDocument.Parse(output);
        var cause = Assert.Single(result.RootElement.GetProperty("root_causes").EnumerateArray());
        Assert.Equal("n3", cause.GetProperty("dims").GetProperty("node").GetString());
        Assert.Equal("GET /cart", cause.GetProperty("dims").GetProperty("operation").GetString());
    }

    public void Dispose() => _temp.Delete(recursive: true);
}
