using RootCause.Analysis.FaultTrees;

namespace RootCause.Analysis.Tests.FaultTrees;

/// <summary>The shipped tree and its examples, through the same runner as `rootcause fault-trees test`.</summary>
public sealed class DefaultFaultTreeTests
{
    private static FaultTreeTestReport RunShipped() =>
        FaultTreeExampleRunner.Run(
            Fixtures.Shipped("*.yaml").Where(f => !FaultTreeExampleRunner.IsExamplesFile(f.Path)),
            Fixtures.Shipped("*" + FaultTreeExampleRunner.ExamplesSuffix));

    [Fact]
    public void Every_example_of_the_shipped_trees_passes()
    {
        var report = RunShipped();

        Assert.Empty(report.Errors.Select(e => e.ToString()));
        Assert.Empty(report.Results.Where(r => !r.Passed).Select(r => $"{r.Name}: {r.Failure}"));
        Assert.True(report.Succeeded);
        Assert.True(report.Passed >= 20, $"only {report.Passed} examples");
    }

    [Fact]
    public void The_examples_cover_every_fault_class_of_the_default_tree()
    {
        var report = RunShipped();

        Assert.Equal(
            ["connection_failures", "cpu_saturation", "error_burst", "inconclusive", "memory_pressure", "network_loss", "slow_database", "slow_service"],
            report.Results.Where(r => r.Passed).Select(r => r.Actual.FaultClass).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_wrong_expectation_fails_with_what_the_tree_said_instead()
    {
        var trees = Fixtures.Shipped("default.yaml");
        var examples = ("fault-trees/default.tests.yaml", """
            examples:
              - name: host cpu is not a slow service
                candidate: { kind: service, service_kind: service }
                anomalies:
                  - { scope: self, metric: latency_p99, direction: up }
                  - { scope: host, metric: cpu_utilization, direction: up }
                expect: slow_service
            """);

        var report = FaultTreeExampleRunner.Run(trees, [examples]);

        var result = Assert.Single(report.Results);
        Assert.False(report.Succeeded);
        Assert.Equal((2, "expected slow_service, got cpu_saturation from tree 'default' (path: [kind is service] → [host cpu_utilization up])"), (result.Line, result.Failure));
    }

    [Fact]
    public void Examples_without_their_tree_file_or_with_unknown_classes_are_load_errors()
    {
        var trees = Fixtures.Shipped("default.yaml");
        var orphan = ("fault-trees/mine.tests.yaml", """
            examples:
              - name: x
                candidate: { kind: node }
                expect: cpu_saturaton
            """);

        var report = FaultTreeExampleRunner.Run(trees, [orphan]);

        Assert.Empty(report.Results);
        Assert.Equal(
            [
                "fault-trees/mine.tests.yaml:1:1: no tree was loaded from 'fault-trees/mine.yaml' to run these examples against; name the files it tests under 'tree_files'",
                "fault-trees/mine.tests.yaml:4:13: unknown class 'cpu_saturaton'; did you mean 'cpu_saturation' (declared at fault-trees/default.yaml:22:3)? "
                    + "(classes are declared under 'classes' in fault-trees/default.yaml)",
            ],
            report.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void An_examples_file_that_does_not_load_is_counted_apart_from_the_examples_that_ran()
    {
        var report = FaultTreeExampleRunner.Run(
            Fixtures.Shipped("default.yaml"),
            [
                ("fault-trees/default.tests.yaml", "examples:\n  - { name: a node, candidate: { kind: node }, expect: inconclusive }\n"),
                ("fault-trees/broken.tests.yaml", "examples:\n  - { name: x, candidate: { kind: pod }, expect: inconclusive }\n"),
            ]);

        Assert.Equal((1, 0), (report.Passed, report.Failed));
        Assert.Equal(["fault-trees/broken.tests.yaml"], report.FilesFailedToLoad);
        Assert.Equal(
            ["fault-trees/broken.tests.yaml:2:35: unknown kind 'pod' (known: service, instance, node, external, call_edge, network_edge)"],
            report.Errors.Select(e => e.ToString()));
        Assert.False(report.Succeeded);
    }

    [Fact]
    public void Examples_files_are_checked_as_strictly_as_trees()
    {
        var trees = Fixtures.Shipped("default.yaml");
        var examples = ("x.tests.yaml", """
            examples:
              - name: x
                candidate: { kind: node, service_kind: database }
                anomalies:
                  - { scope: self, metric: cpu_utilisation, direction: up, severty: 3 }
                expect: cpu_saturation
            """);

        var errors = FaultTreeExampleRunner.Check(trees, [examples]);

        Assert.Equal(
            [
                "x.tests.yaml:3:30: only a service or instance candidate has a service_kind",
                "x.tests.yaml:5:32: unknown metric 'cpu_utilisation'; did you mean 'cpu_utilization'? (known: " + FaultTreeLoadingTests.KnownMetrics + ")",
                "x.tests.yaml:5:64: unknown key 'severty' in an anomaly; did you mean 'severity'?",
            ],
            errors.Select(e => e.ToString()));
    }
}
