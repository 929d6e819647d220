using RootCause.Evaluation.Nezha;
using RootCause.Topology;

namespace RootCause.Evaluation.Tests.Nezha;

public sealed class NezhaReaderTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "nezha-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    private static DateTimeOffset Utc(int day, int hour, int minute, int second = 0, int month = 8, int year = 2022) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    [Theory]
    [InlineData("cartservice-579f59597d-wc2lz", "cartservice")]
    [InlineData("ts-ui-dashboard-5477b965f-2chkr", "ts-ui-dashboard")]
    [InlineData("ts-travel2-service-5c66d57d58-6mp2b", "ts-travel2-service")]
    [InlineData("frontend", null)]
    [InlineData("frontend-579b9bff58", null)]
    [InlineData("frontend-579B9bff58-t2dbm", null)]
    [InlineData("frontend--t2dbm", null)]
    public void The_service_is_the_pod_name_without_its_two_hash_parts(string pod, string? service)
    {
        Assert.Equal(service, PodNames.ServiceOf(pod));
    }

    [Fact]
    public void A_go_time_string_is_read_to_the_tick_and_its_row_describes_the_minute_before()
    {
        Assert.True(NezhaTime.TryParseGoTime("2022-08-22 03:51:19.607158889 +0000 UTC m=+0.113112869", out var t));

        Assert.Equal(Utc(22, 3, 51, 19).AddTicks(6_071_588), t);
        Assert.Equal(Utc(22, 3, 50), NezhaTime.IntervalStart(t));
        Assert.True(NezhaTime.TryParseGoTime("2023-01-29 16:41:09 +0800 CST", out var offset));
        Assert.Equal(Utc(29, 8, 41, 9, month: 1, year: 2023), offset);
        Assert.False(NezhaTime.TryParseGoTime("2022-08-22 03:51:19.6", out _));
        Assert.False(NezhaTime.TryParseGoTime("2022-08-22 03:51:19.6 +0000 UTC 12", out _));
        Assert.False(NezhaTime.TryParseGoTime("2022-08-22 03:51:19.1234567890 +0000 UTC", out _));
        Assert.False(NezhaTime.TryParseGoTime("1661140279", out _));
    }

    [Fact]
    public void Pod_metrics_are_read_per_minute_with_nan_cells_as_unknown_values()
    {
        var pod = PodMetricsReader.Read(NezhaFixture.Path("2022-08-22", "metric", NezhaFixture.FrontendPod + "_metric.csv"));

        Assert.Equal(NezhaFixture.FrontendPod, pod.Pod);
        Assert.Equal("frontend", pod.Service);
        Assert.Equal(10, pod.Table.RowCount);
        Assert.Equal(Utc(22, 3, 50), pod.Table.Minutes[0]);
        Assert.Equal(Utc(22, 3, 59), pod.Table.Minutes[^1]);
        Assert.Equal(2, pod.Table.Lines[0]);
        Assert.Equal(PodMetricColumns.All, pod.Table.Columns);
        Assert.Equal(20, pod.Table.Value(0, PodMetricColumns.CpuUsage));
        Assert.Equal(0.4, pod.Table.Value(0, PodMetricColumns.ServerLatencyP99));
        Assert.True(double.IsNaN(pod.Table.Value(3, PodMetricColumns.ServerLatencyP99)));
        Assert.Equal(2.5, pod.Table.Value(3, PodMetricColumns.Workload));
        Assert.Equal(3, pod.Table.RowAt(Utc(22, 3, 53)));
        Assert.Equal(-1, pod.Table.RowAt(Utc(22, 4, 53)));
    }

    [Theory]
    [InlineData("bad-number", 5, "column 4 (CpuUsage(m)): 'fast' is not a number")]
    [InlineData("bad-pod-name", 3, "column 3 (PodName): 'cartservice-579f59597d-zzzzz' is not the file's pod cartservice-579f59597d-wc2lz")]
    [InlineData("duplicate-minute", 4, "a second row for the minute 2022-08-22 03:51 (the first is on line 3)")]
    [InlineData("ragged-row", 4, "21 cells, expected 22")]
    [InlineData("negative-value", 3, "column 18 (PodWorkload(Ops)): -5 is negative")]
    public void A_malformed_pod_file_is_an_error_naming_file_line_and_column(string folder, int line, string problem)
    {
        var path = NezhaFixture.Path(folder, NezhaFixture.CartPod + "_metric.csv");

        var e = Assert.Throws<DatasetFormatException>(() => PodMetricsReader.Read(path));

        Assert.Equal(path, e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal($"{path}:{line}: {problem}", e.Message);
    }

    [Fact]
    public void A_pod_file_with_an_unknown_column_is_an_error_naming_the_header_line()
    {
        var text = File.ReadAllText(NezhaFixture.CartMetrics).Replace("SyscallWrite", "SyscallWrites", StringComparison.Ordinal);

        var e = Assert.Throws<DatasetFormatException>(() => PodMetricsReader.Parse("/d/" + NezhaFixture.CartPod + "_metric.csv", CsvRecords.Parse("x", text)));

        Assert.Equal(1, e.Line);
        Assert.Contains("unknown column 'SyscallWrites'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fault_list_takes_inject_time_except_a_slightly_earlier_inject_timestamp()
    {
        var faults = FaultListReader.Read(NezhaFixture.Path("fault_list_quirks.json"));

        Assert.Equal(3, faults.Count);

        // In time order, whatever the file's order.
        Assert.Equal(Utc(22, 7, 1, 25), faults[0].At);
        Assert.Equal("cpu_contention", faults[0].Type);
        Assert.Equal(9, faults[0].Line);

        // inject_timestamp 60 s before inject_time: the earlier one.
        Assert.Equal(Utc(22, 7, 9, 43), faults[1].At);
        Assert.Equal("2022-08-22 07:10:43", faults[1].InjectTime);
        Assert.Equal("recommendationservice", faults[1].Service);

        // inject_timestamp about 8 h off (the TT time-zone slip): ignored.
        Assert.Equal(Utc(22, 8, 43, 4), faults[2].At);
        Assert.Equal(1661129044, faults[2].InjectTimestamp);
        Assert.Equal("ts-contacts-service", faults[2].Service);
    }

    [Theory]
    [InlineData("fault_list_unknown_member.json", 8, "unknown member \"inject_duration\"")]
    [InlineData("fault_list_wrong_hour.json", 4, "inject_time 2022-08-22 03:53:54 is not in hour 04, which it is listed under")]
    [InlineData("fault_list_bad_pod.json", 6, "inject_pod 'frontend' is not a pod name")]
    public void A_malformed_fault_list_is_an_error_naming_file_and_line(string file, int line, string problem)
    {
        var path = NezhaFixture.Path(file);

        var e = Assert.Throws<DatasetFormatException>(() => FaultListReader.Read(path));

        Assert.Equal(line, e.Line);
        Assert.StartsWith($"{path}:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ob_day_reads_its_pods_graph_hosts_entry_and_edge_latency()
    {
        var day = NezhaDay.Load(NezhaFixture.ObDay);

        Assert.Equal("2022-08-22", day.Name);
        Assert.Same(NezhaSystem.OnlineBoutique, day.System);
        Assert.Equal([NezhaFixture.CartPod, NezhaFixture.FrontendPod], day.Pods.Select(p => p.Pod));
        Assert.Equal(["cartservice", "frontend"], day.Services);
        Assert.Equal([new CallEdge("frontend", "cartservice")], day.Graph.Calls);
        Assert.Equal("33.33.33.167", day.Graph.Hosts["frontend"]);
        Assert.Equal("33.33.33.80", day.Graph.Hosts["cartservice"]);
        Assert.False(day.Graph.Hosts.ContainsKey("loadgenerator")); // two addresses: no host
        Assert.DoesNotContain("loadgenerator", day.Graph.Services);

        var fault = Assert.Single(day.Faults);
        Assert.Equal(Utc(22, 3, 57, 30), fault.At);
        Assert.Equal(98, day.Front.Value(0, FrontServiceReader.SuccessRate));

        var edges = day.EdgeLatency!;
        Assert.Equal([new CallEdge("frontend", "cartservice")], edges.Edges);
        Assert.Equal(0.005, edges.Median(0, 0));
        Assert.True(double.IsNaN(edges.Median(2, 0))); // an empty cell: no traffic that minute
    }

    [Fact]
    public void A_tt_day_is_told_by_its_call_edges_file_and_has_no_edge_latency()
    {
        var day = NezhaDay.Load(NezhaFixture.TtDay);

        Assert.Same(NezhaSystem.TrainTicket, day.System);
        Assert.Null(day.EdgeLatency);
        Assert.Empty(day.Graph.Hosts);
        Assert.Equal([new CallEdge("ts-ui-dashboard", "ts-gateway-service")], day.Graph.Calls);
        Assert.Equal(new DateTimeOffset(2023, 1, 29, 8, 43, 4, TimeSpan.Zero), Assert.Single(day.Faults).At);
    }

    [Fact]
    public void A_fault_on_a_pod_without_metrics_is_an_error_naming_the_fault_list_line()
    {
        var folder = CopyOfObDay();
        var faultList = Path.Combine(folder, "2022-08-22-fault_list.json");
        File.WriteAllText(faultList, File.ReadAllText(faultList).Replace(NezhaFixture.CartPod, "cartservice-579f59597d-aaaaa", StringComparison.Ordinal));

        var e = Assert.Throws<DatasetFormatException>(() => NezhaDay.Load(folder));

        Assert.Equal(faultList, e.File);
        Assert.Equal(3, e.Line);
        Assert.Contains("inject_pod cartservice-579f59597d-aaaaa has no cartservice-579f59597d-aaaaa_metric.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edge_column_that_names_no_two_services_is_an_error_naming_it()
    {
        var rows = CsvRecords.Parse("source_50.csv", "time,timestamp,frontend_basketservice\n2022-08-22 03:51:20.0 +0000 UTC,1661140280,0.005\n");

        var e = Assert.Throws<DatasetFormatException>(() => EdgeLatencyReader.Parse("source_50.csv", rows, new HashSet<string> { "frontend", "cartservice" }));

        Assert.Equal("source_50.csv:1: column 3 ('frontend_basketservice'): not <caller>_<callee> of two services of the day", e.Message);
    }

    [Fact]
    public void A_day_folder_with_both_or_no_call_graph_files_is_an_error()
    {
        var folder = CopyOfObDay();
        File.WriteAllText(Path.Combine(folder, "metric", "call_edges.csv"), "caller,callee\n");

        var e = Assert.Throws<DatasetFormatException>(() => NezhaDay.Load(folder));

        Assert.Contains("expected exactly one call-graph file (dependency.csv or call_edges.csv), found 2", e.Message, StringComparison.Ordinal);
    }

    private string CopyOfObDay()
    {
        var folder = Path.Combine(_temp, "2022-08-22");
        Directory.CreateDirectory(Path.Combine(folder, "metric"));
        foreach (var file in Directory.EnumerateFiles(NezhaFixture.ObDay, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(folder, Path.GetRelativePath(NezhaFixture.ObDay, file)));
        }

        return folder;
    }
}
