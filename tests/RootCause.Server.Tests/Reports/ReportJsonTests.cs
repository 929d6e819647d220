using System.Text.Json;
using RootCause.Contracts;
using RootCause.Server.Reports;

namespace RootCause.Server.Tests.Reports;

public sealed class ReportJsonTests
{
    [Fact]
    public void Report_json_is_camel_case_with_enums_as_strings()
    {
        var json = ReportJson.Serialize(SampleReports.Slow());
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.Equal("rootCauseFound", root.GetProperty("outcome").GetString());
        var cause = root.GetProperty("rootCauses")[0];
        Assert.Equal("service", cause.GetProperty("entity").GetProperty("kind").GetString());
        Assert.Equal("up", cause.GetProperty("evidence")[0].GetProperty("direction").GetString());
        Assert.Equal("GET /cart", root.GetProperty("drillDown").GetProperty("findings")[0].GetProperty("dimensions").GetProperty("operation").GetString());
    }

    [Fact]
    public void Report_round_trips_including_undefined_baselines()
    {
        var report = SampleReports.Slow();
        var cause = report.RootCauses[0];
        report = report with { RootCauses = [cause with { Evidence = [cause.Evidence[0] with { Baseline = double.NaN }] }] };

        var back = ReportJson.Deserialize(ReportJson.Serialize(report));

        Assert.NotNull(back);
        Assert.Equal(ReportJson.Serialize(report), ReportJson.Serialize(back));
        Assert.True(double.IsNaN(back.RootCauses[0].Evidence[0].Baseline));
    }

    [Fact]
    public void Options_are_read_only_so_no_caller_changes_them_for_everyone()
    {
        Assert.True(ReportJson.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => ReportJson.Options.WriteIndented = true);
    }
}
