using RootCause.Analysis.FaultTrees;

namespace RootCause.Analysis.Tests.FaultTrees;

/// <summary>Class ids are shared across the files of a set, so errors about them say where classes are declared.</summary>
public sealed class ClassDeclarationTests
{
    private static readonly (string Path, string Text) Declares = ("a.yaml", """
        tree: a
        classes:
          net_loss:
            title: Loss
            advice: Check the links.
          net_lost:
            title: Lost
            advice: Check the routes.
        branches:
          - when: { anomaly: { scope: self, metric: net_drops, direction: up } }
            class: net_loss
          - when: { anomaly: { scope: self, metric: net_rtt, direction: up } }
            class: net_lost
        """);

    private static string[] Errors(params (string Path, string Text)[] files) => [.. FaultTreeSet.Parse(files).Errors.Select(e => e.ToString())];

    private static (string Path, string Text) Reaching(string faultClass) => ("b.yaml", $"""
        tree: b
        branches:
          - when: always
            class: {faultClass}
        """);

    [Fact]
    public void An_unknown_class_lists_every_near_match_with_where_it_is_declared()
    {
        Assert.Equal(
            [
                "b.yaml:4:12: unknown class 'net_los'; did you mean 'net_loss' (declared at a.yaml:3:3) or 'net_lost' (declared at a.yaml:6:3)? "
                    + "(classes are declared under 'classes' in a.yaml)",
            ],
            Errors(Declares, Reaching("net_los")));
    }

    [Fact]
    public void An_unknown_class_with_no_near_match_still_names_the_files_that_declare_classes()
    {
        var other = ("c.yaml", "tree: c\nclasses:\n  disk_full:\n    title: Disk full\n    advice: Free space.\nbranches:\n  - when: always\n    class: disk_full\n");

        Assert.Equal(
            ["b.yaml:4:12: unknown class 'queue_backlog' (classes are declared under 'classes' in a.yaml, c.yaml)"],
            Errors(Declares, Reaching("queue_backlog"), other));
    }

    [Fact]
    public void A_tree_checked_without_the_file_that_declares_its_class_is_told_that_no_file_declares_any()
    {
        Assert.Equal(
            ["b.yaml:4:12: unknown class 'cpu_saturation' (no file of this set declares classes under 'classes')"],
            Errors(Reaching("cpu_saturation")));
    }

    [Fact]
    public void A_near_miss_of_the_built_in_class_says_it_is_built_in()
    {
        Assert.Equal(
            ["b.yaml:4:12: unknown class 'inconclusiv'; did you mean 'inconclusive' (built in)? (no file of this set declares classes under 'classes')"],
            Errors(Reaching("inconclusiv")));
    }

    [Fact]
    public void A_class_declared_in_two_files_is_an_error_in_the_later_file_naming_both_places()
    {
        var again = ("b.yaml", "tree: b\nclasses:\n  net_lost:\n    title: Lost again\n    advice: Check.\nbranches:\n  - when: always\n    class: net_lost\n");

        Assert.Equal(
            [
                "b.yaml:3:3: class 'net_lost' is declared twice in the set, at a.yaml:6:3 and at b.yaml:3:3; "
                    + "declare it once (any tree may reach a class declared in another file)",
            ],
            Errors(Declares, again));
    }
}
