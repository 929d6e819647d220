using System.Text;
using RootCause.Evaluation.RiskLoc;

namespace RootCause.Evaluation.Tests.RiskLoc;

public sealed class RiskLocReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("riskloc-test").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_real_RS_set_has_135_cases_and_143_labels_after_deduplication()
    {
        var root = RiskLocDatasetLocator.Find();
        if (root is null)
        {
            return;
        }

        var cases = RiskLocDataset.Load(root);

        Assert.Equal(135, cases.Count);
        Assert.Equal(143, cases.Sum(c => c.Labels.Count));
        Assert.Equal(8, cases.Count(c => c.Labels.Count == 2));
        var first = cases.Single(c => c.Name == "case1_0821_1741394221");
        Assert.Equal("bitrate=2000&p2p=1", CauseKey.Of(Assert.Single(first.Labels)));
        Assert.Contains(cases, c => c.Leaves.Any(l => l.Dimensions.Values.Contains("联通")));
    }

    [Fact]
    public void The_protocol_inverts_value_and_forecasts_from_the_mean_of_the_previous_four_minutes()
    {
        // Columns in an unusual order; minute 1000 is anomalous; 700 is five minutes back and must be ignored.
        Write("c.csv", """
            cnt,min,isp,value,cdn
            100,1000,联通,10,1
            50,940,联通,0,1
            70,880,联通,10,1
            999,700,联通,999,1
            40,1000,移动,4,2
            """);
        Write("anomaly.yaml", "- data: c\n  timestamp: 1000\n  cause: {'isp':'联通', 'cdn':1}\n");

        var c = Assert.Single(RiskLocDataset.Load(_dir));

        Assert.Equal(["isp", "cdn"], c.Attributes);
        var unicom = c.Leaves.Single(l => l.Dimensions["isp"] == "联通");
        Assert.Equal(90, unicom.Real);
        Assert.Equal(100, unicom.RealDenominator);
        Assert.Equal((50 + 60) / 2.0, unicom.Forecast);
        Assert.Equal((50 + 70) / 2.0, unicom.ForecastDenominator);
        var mobile = c.Leaves.Single(l => l.Dimensions["isp"] == "移动");
        Assert.Equal(0, mobile.Forecast);
        Assert.Equal(0, mobile.ForecastDenominator);
        Assert.Equal("cdn=1&isp=联通", CauseKey.Of(Assert.Single(c.Labels)));
    }

    [Fact]
    public void Repeated_labels_count_once_and_values_are_compared_as_text()
    {
        Write("c.csv", "min,a,value,cnt\n60,2000,1,2\n");
        Write("anomaly.yaml", "- data: c\n  timestamp: 60\n  cause: [{'a':2000}, {'a':'2000'}]\n");

        var c = Assert.Single(RiskLocDataset.Load(_dir));

        Assert.Equal("a=2000", CauseKey.Of(Assert.Single(c.Labels)));
    }

    [Theory]
    [InlineData("min,a,value,cnt\n60,x,1,2\n60,y,1\n", 3, "3 fields, the header has 4")]
    [InlineData("min,a,value,cnt\n60,x,1,2\n60,y,3,2\n", 3, "value 3 exceeds cnt 2")]
    [InlineData("min,a,value,cnt\n60,x,1,2\n60,y,one,2\n", 3, "value 'one' is not a non-negative number")]
    [InlineData("min,a,value,cnt\n60,x,1,2\n60,x,1,2\n", 3, "a second row for minute 60 and x")]
    [InlineData("min,a,cnt\n60,x,2\n", 1, "header lacks value")]
    [InlineData("min,a,value,cnt\n0,x,1,2\n", 0, "no rows at the anomalous minute 60")]
    public void A_bad_case_file_is_an_error_naming_the_line(string csv, int line, string problem)
    {
        Write("c.csv", csv);
        Write("anomaly.yaml", "- data: c\n  timestamp: 60\n  cause: {'a':'x'}\n");

        var e = Assert.Throws<DatasetFormatException>(() => RiskLocDataset.Load(_dir));

        Assert.EndsWith("c.csv", e.File, StringComparison.Ordinal);
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_file_that_is_not_utf8_is_an_error_naming_the_line()
    {
        File.WriteAllBytes(Path.Combine(_dir, "c.csv"), [.. Encoding.ASCII.GetBytes("min,a,value,cnt\n60,"), 0xC3, 0x28, .. Encoding.ASCII.GetBytes(",1,2\n")]);
        Write("anomaly.yaml", "- data: c\n  timestamp: 60\n  cause: {'a':'x'}\n");

        var e = Assert.Throws<DatasetFormatException>(() => RiskLocDataset.Load(_dir));

        Assert.Equal(2, e.Line);
        Assert.Contains("UTF-8", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- data: c\n  timestamp: 60\n  causes: {'a':'x'}\n", 3, "unknown key 'causes'")]
    [InlineData("- data: c\n  timestamp: sixty\n  cause: {'a':'x'}\n", 2, "timestamp 'sixty'")]
    [InlineData("- data: c\n  timestamp: 60\n  cause: {'a':'x'\n", 3, "expected '}'")]
    [InlineData("- data: c\n  timestamp: 60\n  cause: {'a':'x', 'a':'y'}\n", 3, "appears twice")]
    [InlineData("- data: c\n  timestamp: 60\n", 1, "entry lacks 'cause'")]
    [InlineData("- data: ../c\n  timestamp: 60\n  cause: {'a':'x'}\n", 1, "not a plain file name")]
    [InlineData("- data: c\n  timestamp: 60\n  cause: {'b':'x'}\n", 1, "names attribute 'b'")]
    public void A_bad_anomaly_list_is_an_error_naming_the_line(string yaml, int line, string problem)
    {
        Write("c.csv", "min,a,value,cnt\n60,x,1,2\n");
        Write("anomaly.yaml", yaml);

        var e = Assert.Throws<DatasetFormatException>(() => RiskLocDataset.Load(_dir));

        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir, name), text.Replace("\r", "", StringComparison.Ordinal), new UTF8Encoding(false));
}
