using RootCause.Server.Cli;

namespace RootCause.Server.Tests.Cli;

/// <summary>`rootcause fault-trees test|check` on files in a temporary folder, beside the shipped trees the build copies.</summary>
[Collection(nameof(SharedConsole))]
public sealed class FaultTreesCommandTests : IDisposable
{
    private const string MineTree = """
        tree: my_team
        classes:
          queue_backlog:
            title: Queue backlog
            advice: Check the consumers' lag.
        branches:
          - when:
              all:
                - candidate: { kind: service, service_kind: queue }
                - anomaly: { scope: self, metric: latency_p99, direction: up }
            class: queue_backlog
        """;

    private const string PrecedenceExamples = """
        tree_files: [00-mine.yaml, default.yaml]
        examples:
          - name: a slow queue is a backlog
            candidate: { kind: service, service_kind: queue }
            anomalies:
              - { scope: self, metric: latency_p99, direction: up }
            expect: queue_backlog
          - name: a slow plain service is still the default tree's
            candidate: { kind: service, service_kind: service }
            anomalies:
              - { scope: self, metric: latency_p99, direction: up }
            expect: slow_service
        """;

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("rootcause-fault-trees-");

    private static string Shipped => Path.Combine(AppContext.BaseDirectory, "fault-trees");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_temp.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private void WriteOperatorFolder()
    {
        File.Copy(Path.Combine(Shipped, "default.yaml"), Path.Combine(_temp.FullName, "default.yaml"));
        Write("00-mine.yaml", MineTree);
        Write("precedence.tests.yaml", PrecedenceExamples);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Test_runs_examples_against_their_tree_files_so_the_operator_tree_takes_precedence()
    {
        WriteOperatorFolder();

        var (code, output, error) = await ConsoleCapture.RunAsync(FaultTreesCommand.Create(), "test", "--dir", _temp.FullName);

        var examples = Path.Combine(_temp.FullName, "precedence.tests.yaml");
        Assert.Equal(
            [
                $"PASS {examples}:3: a slow queue is a backlog",
                $"PASS {examples}:8: a slow plain service is still the default tree's",
                "2 passed, 0 failed, 0 files failed to load",
            ],
            Lines(output));
        Assert.Equal("", error);
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Test_counts_an_examples_file_whose_tree_file_is_missing_as_a_file_that_failed_to_load()
    {
        WriteOperatorFolder();
        var missing = Write("missing.tests.yaml", "tree_files: [01-theirs.yaml, default.yaml]\nexamples:\n  - { name: x, candidate: { kind: node }, expect: inconclusive }\n");

        var (code, output, error) = await ConsoleCapture.RunAsync(FaultTreesCommand.Create(), "test", "--dir", _temp.FullName);

        Assert.Equal("2 passed, 0 failed, 1 file failed to load", Lines(output)[^1]);
        Assert.Equal(
            [$"{missing}:1:14: tree file '01-theirs.yaml' cannot be read: no such file ({Path.Combine(_temp.FullName, "01-theirs.yaml")})"],
            Lines(error));
        Assert.Equal(1, code);
    }

    [Fact]
    public async Task Check_of_one_operator_file_loads_the_shipped_trees_so_their_classes_resolve()
    {
        var mine = Write("10-mine.yaml", "tree: mine\nbranches:\n  - when: { anomaly: { scope: self, metric: runqueue_delay, direction: up, min_severity: 40 } }\n    class: cpu_saturation\n");

        var (code, output, error) = await ConsoleCapture.RunAsync(FaultTreesCommand.Create(), "check", mine);

        Assert.Equal("", error);
        Assert.StartsWith("1 file checked, 0 files failed to load (context: ", output, StringComparison.Ordinal);
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Check_names_where_classes_are_declared_and_the_near_match_for_an_unknown_class()
    {
        var mine = Write("10-mine.yaml", "tree: mine\nbranches:\n  - when: always\n    class: slow_servce\n");

        var (code, output, error) = await ConsoleCapture.RunAsync(FaultTreesCommand.Create(), "check", mine, "--with", Shipped);

        var shippedTree = Path.Combine(Shipped, "default.yaml");
        Assert.Equal(
            [$"{mine}:4:12: unknown class 'slow_servce'; did you mean 'slow_service' (declared at {shippedTree}:42:3)? (classes are declared under 'classes' in {shippedTree})"],
            Lines(error));
        Assert.Equal([$"1 file checked, 1 file failed to load (context: 1 file from {Shipped})"], Lines(output));
        Assert.Equal(1, code);
    }

    [Fact]
    public async Task Check_reports_a_class_the_checked_file_declares_again_in_that_file_naming_both_places()
    {
        var mine = Write("10-mine.yaml", "tree: mine\nclasses:\n  cpu_saturation:\n    title: Busy\n    advice: Look.\nbranches:\n  - when: always\n    class: cpu_saturation\n");

        var (code, _, error) = await ConsoleCapture.RunAsync(FaultTreesCommand.Create(), "check", mine, "--with", Shipped);

        Assert.Equal(
            [
                $"{mine}:3:3: class 'cpu_saturation' is declared twice in the set, at {Path.Combine(Shipped, "default.yaml")}:22:3 and at {mine}:3:3; "
                    + "declare it once (any tree may reach a class declared in another file)",
            ],
            Lines(error));
        Assert.Equal(1, code);
    }

    [Fact]
    public async Task Check_of_a_file_named_like_a_context_file_checks_it_in_that_file_s_place()
    {
        WriteOperatorFolder();

        var (code, output, error) = await ConsoleCapture.RunAsync(
            FaultTreesCommand.Create(), "check", Path.Combine(_temp.FullName, "default.yaml"), Path.Combine(_temp.FullName, "precedence.tests.yaml"), "--with", Shipped);

        // The copy stands in for the shipped default.yaml (no "defined twice"); 00-mine.yaml comes through tree_files.
        Assert.Equal("", error);
        Assert.Equal(["2 files checked, 0 files failed to load (context: none)"], Lines(output));
        Assert.Equal(0, code);
    }

    public void Dispose() => _temp.Delete(recursive: true);
}
