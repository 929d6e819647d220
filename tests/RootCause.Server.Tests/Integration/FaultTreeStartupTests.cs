using RootCause.Server.Hosting;

namespace RootCause.Server.Tests.Integration;

public sealed class FaultTreeStartupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rootcause-trees-").FullName;

    [Fact]
    public void The_host_refuses_to_build_when_the_fault_trees_do_not_load_and_lists_file_line_column()
    {
        var file = Path.Combine(_directory, "broken.yaml");
        File.WriteAllText(file, "tree: [unclosed\n  - : :\n");

        var error = Assert.Throws<InvalidOperationException>(() => RootCauseHost.Build(new RootCauseHostOptions { Urls = "http://127.0.0.1:0", FaultTreesDirectory = _directory }));

        Assert.Contains($"The fault trees in {_directory} do not load", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"broken\.yaml:\d+:\d+: ", error.Message);
    }

    [Fact]
    public void A_missing_or_empty_fault_tree_directory_is_an_error_not_an_empty_rule_set()
    {
        var missing = FaultTreeDirectory.Load(Path.Combine(_directory, "nope"));
        var empty = FaultTreeDirectory.Load(_directory);

        Assert.Contains("does not exist", Assert.Single(missing.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("no fault-tree files", Assert.Single(empty.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Example_files_beside_the_trees_are_not_loaded_as_trees()
    {
        File.WriteAllText(Path.Combine(_directory, "x.tests.yaml"), "not: a tree");

        var result = FaultTreeDirectory.Load(_directory);

        Assert.Contains("no fault-tree files", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
