using RootCause.Analysis.FaultTrees;

namespace RootCause.Analysis.Tests.FaultTrees;

/// <summary>Examples files that name the tree files they test together (<c>tree_files</c>), as promtool's rule tests name their rule files.</summary>
public sealed class ExampleTreeFilesTests
{
    private const string Folder = "testdata/tree_files/";

    private static (string Path, string Text) Default => (Folder + "default.yaml", Fixtures.Shipped("default.yaml").Single().Text);

    private static (string Path, string Text) Mine => Fixtures.Read(Folder + "00-mine.yaml");

    /// <summary>A reader that knows only these files, as the CLI's reads the disk.</summary>
    private static ReadTreeFile Disk(params (string Path, string Text)[] files) =>
        path => files.FirstOrDefault(f => f.Path == path) is { Text: { } text } ? TreeFileText.Read(text) : TreeFileText.NotFound(path);

    private static (string Path, string Text) Examples(string name, string text) => (Folder + name, text);

    [Fact]
    public void An_operator_tree_named_before_the_default_one_takes_precedence_and_falls_through_to_it()
    {
        // default.yaml comes in as a given tree file, 00-mine.yaml only through the reader: both ways in are used.
        var report = FaultTreeExampleRunner.Run([Default], [Fixtures.Read(Folder + "precedence.tests.yaml")], Disk(Mine));

        Assert.Empty(report.Errors.Select(e => e.ToString()));
        Assert.Equal(
            [("queue_backlog", "my_team", true), ("cpu_saturation", "default", true)],
            report.Results.Select(r => (r.Actual.FaultClass, r.Actual.Tree, r.Passed)));
        Assert.True(report.Succeeded);
    }

    [Fact]
    public void The_same_operator_tree_sorting_after_the_default_one_never_gets_a_say_and_the_example_shows_it()
    {
        var late = (Folder + "zz-mine.yaml", Mine.Text);
        var examples = Examples("late.tests.yaml", """
            tree_files: [default.yaml, zz-mine.yaml]
            examples:
              - name: a slow queue
                candidate: { kind: service, service_kind: queue }
                anomalies:
                  - { scope: self, metric: latency_p99, direction: up, severity: 20 }
                expect: queue_backlog
            """);

        var report = FaultTreeExampleRunner.Run([], [examples], Disk(Default, late));

        var result = Assert.Single(report.Results);
        Assert.Empty(report.Errors);
        Assert.Equal(
            (3, "expected queue_backlog, got slow_service from tree 'default' (path: [kind is service] → [self latency_p99 up] → [no downstream (latency_p99 or latency_mean) up])"),
            (result.Line, result.Failure));
    }

    [Fact]
    public void Files_from_other_folders_are_ordered_by_name_as_they_would_load_once_copied_together()
    {
        var shipped = ("testdata/shipped/default.yaml", Default.Text);
        var examples = Examples("shipped.tests.yaml", """
            tree_files: [00-mine.yaml, ../shipped/default.yaml]
            examples:
              - name: a slow queue
                candidate: { kind: service, service_kind: queue }
                anomalies:
                  - { scope: self, metric: latency_p99, direction: up, severity: 20 }
                expect: queue_backlog
            """);

        var report = FaultTreeExampleRunner.Run([], [examples], Disk(Mine, shipped));

        Assert.Empty(report.Errors);
        Assert.Equal([("queue_backlog", true)], report.Results.Select(r => (r.Actual.FaultClass, r.Passed)));
    }

    [Fact]
    public void Tree_files_listed_in_another_order_than_the_host_loads_them_are_an_error_at_the_entry()
    {
        var examples = Examples("order.tests.yaml", """
            tree_files: [default.yaml, 00-mine.yaml]
            examples:
              - name: x
                candidate: { kind: node }
                expect: inconclusive
            """);

        var report = FaultTreeExampleRunner.Run([Default], [examples], Disk(Mine));

        Assert.Empty(report.Results);
        Assert.Equal(
            [
                "testdata/tree_files/order.tests.yaml:1:28: '00-mine.yaml' must come before 'default.yaml': trees run in the order the host loads their files "
                    + "(ordinal by file name), and 'tree_files' lists them in that order",
            ],
            report.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_named_tree_file_that_is_missing_is_an_error_at_its_entry()
    {
        var examples = Examples("missing.tests.yaml", """
            tree_files:
              - 00-mine.yaml
              - ../elsewhere/01-theirs.yaml
              - default.yaml
            examples:
              - name: x
                candidate: { kind: node }
                expect: cpu_saturation
            """);

        var withReader = FaultTreeExampleRunner.Run([Default], [examples], Disk(Mine));
        var withoutReader = FaultTreeExampleRunner.Run([Default, Mine], [examples]);

        const string Expected = "testdata/tree_files/missing.tests.yaml:3:5: tree file '../elsewhere/01-theirs.yaml' cannot be read: no such file (testdata/elsewhere/01-theirs.yaml)";
        Assert.Equal([Expected], withReader.Errors.Select(e => e.ToString()));
        Assert.Equal([Expected], withoutReader.Errors.Select(e => e.ToString()));
        Assert.Empty(withReader.Results);
    }

    [Fact]
    public void A_named_tree_file_that_does_not_load_is_an_error_at_its_entry_followed_by_its_own_errors()
    {
        var broken = (Folder + "00-mine.yaml", Mine.Text.Replace("scope: host,", "scope: hosts,", StringComparison.Ordinal));
        var examples = Examples("broken.tests.yaml", """
            tree_files: [00-mine.yaml, default.yaml]
            examples:
              - name: x
                candidate: { kind: node }
                expect: cpu_saturation
            """);

        var report = FaultTreeExampleRunner.Run([Default], [examples], Disk(broken));

        Assert.Empty(report.Results);
        Assert.Equal(
            [
                "testdata/tree_files/broken.tests.yaml:1:14: tree file '00-mine.yaml' does not load (1 error in testdata/tree_files/00-mine.yaml)",
                "testdata/tree_files/00-mine.yaml:15:31: unknown scope 'hosts'; did you mean 'host'? (known: " + FaultTreeLoadingTests.KnownScopes + ")",
            ],
            report.Errors.Select(e => e.ToString()));
        Assert.Equal([Folder + "broken.tests.yaml", Folder + "00-mine.yaml"], report.FilesFailedToLoad);
    }

    [Fact]
    public void A_named_set_that_lacks_the_file_declaring_a_class_says_where_its_classes_are_declared()
    {
        var examples = Examples("alone.tests.yaml", """
            tree_files: [00-mine.yaml]
            examples:
              - name: x
                candidate: { kind: node }
                expect: cpu_saturation
            """);

        var report = FaultTreeExampleRunner.Run([], [examples], Disk(Mine));

        Assert.Equal(
            ["testdata/tree_files/alone.tests.yaml:5:13: unknown class 'cpu_saturation' (classes are declared under 'classes' in testdata/tree_files/00-mine.yaml)"],
            report.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Entries_that_are_not_tree_files_are_errors_at_their_positions()
    {
        var examples = Examples("entries.tests.yaml", """
            tree_files:
              - default.tests.yaml
              - rules.json
              - 00-mine.yaml
              - ./00-mine.yaml
              - { path: x.yaml }
            examples:
              - name: x
                candidate: { kind: node }
                expect: inconclusive
            """);
        var empty = Examples("empty.tests.yaml", "tree_files: []\nexamples:\n  - { name: x, candidate: { kind: node }, expect: inconclusive }\n");

        var errors = FaultTreeExampleRunner.Check([Default], [examples, empty], Disk(Mine));

        Assert.Equal(
            [
                "testdata/tree_files/entries.tests.yaml:2:5: 'default.tests.yaml' is an examples file; 'tree_files' names the tree files the examples run against",
                "testdata/tree_files/entries.tests.yaml:3:5: tree file 'rules.json' is not a .yaml or .yml file",
                "testdata/tree_files/entries.tests.yaml:5:5: tree file './00-mine.yaml' is listed twice (first at line 4)",
                "testdata/tree_files/entries.tests.yaml:6:5: a tree file must be non-empty text, not a mapping",
                "testdata/tree_files/empty.tests.yaml:1:13: 'tree_files' must be a non-empty list of tree files, not a list",
            ],
            errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("ops/mine.tests.yaml", "default.yaml", "ops/default.yaml")]
    [InlineData("ops/mine.tests.yaml", "./sub/../default.yaml", "ops/default.yaml")]
    [InlineData("ops/mine.tests.yaml", "../shipped/default.yaml", "shipped/default.yaml")]
    [InlineData("mine.tests.yaml", "../../x.yaml", "../../x.yaml")]
    [InlineData("/etc/rootcause/mine.tests.yaml", "../../../x.yaml", "/x.yaml")]
    [InlineData("ops/mine.tests.yaml", "/srv/trees/default.yaml", "/srv/trees/default.yaml")]
    public void Entries_resolve_against_the_examples_file_by_their_text(string examplesPath, string entry, string resolved)
    {
        Assert.Equal(resolved, TreeFilePaths.Resolve(examplesPath, entry));
    }
}
