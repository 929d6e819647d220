using System.Text;
using RootCause.Analysis.FaultTrees;

namespace RootCause.Analysis.Tests.FaultTrees;

public sealed class FaultTreeLoadingTests
{
    private static FaultTreeParseResult Parse(params (string Path, string Text)[] files) => FaultTreeSet.Parse(files);

    private static string[] Errors(FaultTreeParseResult result) => [.. result.Errors.Select(e => e.ToString())];

    /// <summary>The metric catalogue as an unknown-metric error lists it (topology/RootCause.Topology/MetricCatalog.cs).</summary>
    internal const string KnownMetrics =
        "requests, errors, error_rate, latency_mean, latency_p99, net_connects, net_connect_failures, net_retransmits, "
        + "net_rtt, net_resets, net_drops, net_bytes, cpu_usage, cpu_utilization, memory_usage, memory_utilization, runqueue_delay, oom_kills";

    internal const string KnownScopes = "self, instances, host, downstream, network, callers";

    [Fact]
    public void A_typo_an_unknown_metric_and_a_wrong_type_are_exactly_three_errors_at_their_positions()
    {
        var result = Parse(Fixtures.Read("testdata/three_errors.bad.yaml"));

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "testdata/three_errors.bad.yaml:11:9: unknown key 'metirc' in an anomaly test; did you mean 'metric'?",
                "testdata/three_errors.bad.yaml:17:17: unknown metric 'latency_p95'; did you mean 'latency_p99'? (known: " + KnownMetrics + ")",
                "testdata/three_errors.bad.yaml:25:23: min_severity must be a number, not 'high'",
            ],
            Errors(result));
    }

    public static TheoryData<string> GoodFiles => [.. Fixtures.Names("*.good.yaml")];

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public void Good_files_load_without_errors(string file)
    {
        var result = Parse(Fixtures.Read("testdata/" + file));

        Assert.Empty(Errors(result));
        Assert.True(result.Succeeded);
    }

    // Prometheus rulefmt style: each bad file has exactly one error, known here by position and text.
    public static TheoryData<string, string> BadFiles => new()
    {
        { "alias.bad.yaml", "10:11: YAML aliases ('*slow') are not supported; write the condition out" },
        { "duplicate_key.bad.yaml", "10:5: duplicate key 'class' (first at line 9)" },
        { "empty.bad.yaml", "1:1: file is empty" },
        { "empty_all.bad.yaml", "8:12: 'all' needs at least one condition" },
        { "inconclusive_declared.bad.yaml", "3:3: 'inconclusive' is built in and cannot be declared" },
        { "missing_key.bad.yaml", "7:5: a branch is missing the required key 'when'" },
        { "negative_severity.bad.yaml", "8:81: min_severity must not be negative" },
        { "never.bad.yaml", "8:7: this condition can never hold" },
        { "no_class.bad.yaml", "7:5: a branch needs 'class', 'branches' or both" },
        { "not_a_mapping.bad.yaml", "1:1: a fault-tree file must be a mapping, not a list" },
        { "parent_class_shadowed.bad.yaml", "15:5: this class is never reached: the sub-branch at line 13 always matches" },
        { "two_conditions.bad.yaml", "9:7: a condition has exactly one of anomaly, candidate, all, any, not; combine 'candidate' and 'anomaly' under 'all' or 'any'" },
        {
            "undeclared_class.bad.yaml",
            "9:12: unknown class 'slow_servce'; did you mean 'slow_service' (declared at testdata/undeclared_class.bad.yaml:3:3)? "
                + "(classes are declared under 'classes' in testdata/undeclared_class.bad.yaml)"
        },
        { "unknown_direction.bad.yaml", "8:63: unknown direction 'upward' (known: up, down)" },
        { "unknown_key.bad.yaml", "9:5: unknown key 'clas' in a branch; did you mean 'class'?" },
        { "unknown_kind.bad.yaml", "8:26: unknown kind 'pod' (known: service, instance, node, external, call_edge, network_edge)" },
        { "unknown_metric.bad.yaml", "8:39: unknown metric 'latency_p95'; did you mean 'latency_p99'? (known: " + KnownMetrics + ")" },
        { "unknown_scope.bad.yaml", "8:32: unknown scope 'hosts'; did you mean 'host'? (known: " + KnownScopes + ")" },
        { "unreachable_after_always.bad.yaml", "9:5: unreachable branch: the branch at line 7 always matches" },
        { "unreachable_duplicate.bad.yaml", "10:5: unreachable branch: whenever its condition holds, the earlier branch at line 7 already matches" },
        { "unreachable_subsumed.bad.yaml", "10:5: unreachable branch: whenever its condition holds, the earlier branch at line 7 already matches" },
        { "unused_class.bad.yaml", "6:3: class 'error_burst' is declared but no branch reaches it" },
        { "wrong_type_list.bad.yaml", "7:3: the tree's branches must be a list of branches, not a mapping" },
        { "wrong_type_number.bad.yaml", "8:81: min_severity must be a number, not 'high'" },
        { "tab.bad.yaml", "3:11: YAML syntax error: While scanning a plain scalar, found a tab character that violate indentation." },
        { "unclosed_quote.bad.yaml", "4:12: YAML syntax error: While scanning a multi-line double-quoted scalar, found wrong indentation." },
        { "yaml_syntax.bad.yaml", "8:61: YAML syntax error: the document is malformed after this point" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_files_are_rejected_with_one_error_at_its_position(string file, string expected)
    {
        var result = Parse(Fixtures.Read("testdata/" + file));

        Assert.Null(result.Set);
        Assert.Equal([$"testdata/{file}:{expected}"], Errors(result));
    }

    [Fact]
    public void Every_bad_fixture_is_listed_in_the_table()
    {
        var listed = BadFiles.Select(row => (string)row[0]).Append("three_errors.bad.yaml").Order(StringComparer.Ordinal);

        Assert.Equal(Fixtures.Names("*.bad.yaml"), listed);
    }

    [Fact]
    public void Errors_of_all_files_are_reported_together_in_file_order()
    {
        var second = ("second.yaml", """
            tree: second
            branches:
              - when: { candidate: { kind: pod } }
                class: slow_service
            """);

        var good = ("good.yaml", "tree: good\nbranches:\n  - when: always\n    class: slow_service\n");

        var result = Parse(Fixtures.Read("testdata/unknown_scope.bad.yaml"), good, second);

        Assert.Equal(
            [
                "testdata/unknown_scope.bad.yaml:8:32: unknown scope 'hosts'; did you mean 'host'? (known: " + KnownScopes + ")",
                "second.yaml:3:32: unknown kind 'pod' (known: service, instance, node, external, call_edge, network_edge)",
            ],
            Errors(result));
    }

    [Fact]
    public void A_class_declared_in_one_file_may_be_reached_from_another()
    {
        var operatorTree = ("ops.yaml", """
            tree: ops
            branches:
              - when:
                  anomaly: { scope: self, metric: latency_mean, direction: up, min_severity: 30 }
                class: slow_service
            """);

        var result = Parse(Fixtures.Read("testdata/minimal.good.yaml"), operatorTree);

        Assert.Empty(Errors(result));
        Assert.Equal(["minimal", "ops"], result.Set!.TreeNames);
    }

    [Fact]
    public void The_same_class_or_tree_name_twice_in_a_set_is_an_error_naming_both_places()
    {
        var minimal = Fixtures.Read("testdata/minimal.good.yaml");

        var result = Parse(minimal, ("copy.yaml", minimal.Text));

        Assert.Equal(
            [
                "copy.yaml:1:7: tree 'minimal' is defined twice in the set, at testdata/minimal.good.yaml:1:7 and at copy.yaml:1:7; tree names must be unique",
                "copy.yaml:3:3: class 'slow_service' is declared twice in the set, at testdata/minimal.good.yaml:3:3 and at copy.yaml:3:3; "
                    + "declare it once (any tree may reach a class declared in another file)",
            ],
            Errors(result));
    }

    [Fact]
    public void Several_errors_in_one_branch_are_all_reported()
    {
        var text = """
            tree: t
            branches:
              - when:
                  anomaly: { scope: selff, metric: cpu, direction: sideways, min_severity: "8" }
                class: Bad-Id
            """;

        var result = Parse(("t.yaml", text));

        Assert.Equal(
            [
                "t.yaml:4:25: unknown scope 'selff'; did you mean 'self'? (known: " + KnownScopes + ")",
                "t.yaml:4:40: unknown metric 'cpu' (known: " + KnownMetrics + ")",
                "t.yaml:4:56: unknown direction 'sideways' (known: up, down)",
                "t.yaml:4:80: min_severity must be a number, not '8'",
                "t.yaml:5:12: the class 'Bad-Id' must be lower-case snake_case (a-z, 0-9, _), at most 64 characters",
            ],
            Errors(result));
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_one_error_not_a_stack_overflow()
    {
        var depth = 10_000;
        var text = "tree: t\nbranches:\n  - when: " + new string('[', depth) + new string(']', depth) + "\n    class: x\n";

        var result = Parse(("deep.yaml", text));

        var error = Assert.Single(result.Errors);
        Assert.Equal("nesting deeper than 64 levels", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_parsing()
    {
        var text = "tree: t\n" + new string('#', YamlSourceReader.MaxTextLength);

        var result = Parse(("big.yaml", text));

        Assert.Equal(["big.yaml:1:1: file is larger than the limit of 1048576 characters"], Errors(result));
    }

    [Fact]
    public void Two_documents_in_one_file_are_an_error_at_the_second()
    {
        var text = Fixtures.Read("testdata/minimal.good.yaml").Text + "---\ntree: other\n";

        var result = Parse(("two.yaml", text));

        Assert.Equal(["two.yaml:10:1: a file holds one YAML document; remove the second '---'"], Errors(result));
    }

    [Fact]
    public void Truncated_and_mangled_copies_of_the_default_tree_give_errors_never_exceptions()
    {
        const string Noise = "-:{}[]&*!|>'\"\t #\n";
        var text = Fixtures.Shipped("default.yaml").Single().Text;
        var random = new Random(20260101);
        for (var i = 0; i < 300; i++)
        {
            var mangled = new StringBuilder(text[..random.Next(text.Length)]);
            for (var j = 0; j < 3; j++)
            {
                mangled.Insert(random.Next(mangled.Length + 1), Noise[random.Next(Noise.Length)]);
            }

            var result = Parse(("mangled.yaml", mangled.ToString()));

            Assert.True(result.Succeeded || result.Errors.Count > 0);
            Assert.All(result.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 1, e.ToString()));
        }
    }
}
