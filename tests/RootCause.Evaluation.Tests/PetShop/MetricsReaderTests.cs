using RootCause.Evaluation.PetShop;

namespace RootCause.Evaluation.Tests.PetShop;

public sealed class MetricsReaderTests
{
    [Fact]
    public void Reads_the_three_row_header_skips_the_index_name_row_and_keeps_empty_cells_as_missing()
    {
        var table = MetricsReader.Read(Fixture.Path("metrics_good.csv"));

        Assert.Equal(10, table.Columns.Count);
        Assert.Equal(new MetricColumn("web", "latency", "p99"), table.Columns[4]);
        Assert.Equal(["web", "api"], table.Nodes);
        Assert.Equal([1681857120L, 1681857420L, 1681857720L], table.Timestamps);
        Assert.Equal(0.45, table.Value(0, "web", "latency", "p99"));
        Assert.Equal(97.5, table.Value(1, "web", "availability", "Average"));
        Assert.True(double.IsNaN(table.Value(1, "api", "latency", "Average")));
        Assert.True(double.IsNaN(table.Value(2, "web", "requests", "Sum")));
        Assert.True(double.IsNaN(table.Value(0, "nobody", "requests", "Sum")));
    }

    [Theory]
    [InlineData("metrics_bad_cell.csv", 6, "4 cells, expected 3")]
    [InlineData("metrics_bad_number.csv", 6, "'fast' is not a number")]
    [InlineData("metrics_out_of_order.csv", 5, "rows must be in time order")]
    [InlineData("metrics_unknown_statistic.csv", 2, "unknown metric/statistic 'latency/p75'")]
    [InlineData("metrics_bad_availability.csv", 5, "percentage in [0, 100]")]
    public void A_malformed_file_is_an_error_naming_file_and_line(string file, int line, string problem)
    {
        var path = Fixture.Path(file);

        var e = Assert.Throws<DatasetFormatException>(() => MetricsReader.Read(path));

        Assert.Equal(path, e.File);
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"{path}:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unbalanced_quote_is_an_error_not_a_crash()
    {
        var rows = "microservice,web\nmetric,requests\nstatistic,Sum\n1681857120.0,\"5\"00\n";

        var e = Assert.Throws<DatasetFormatException>(() => MetricsReader.Parse("m.csv", CsvRecords.Parse("m.csv", rows)));

        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var e = Assert.Throws<DatasetFormatException>(() => MetricsReader.Read(Fixture.Path("nowhere.csv")));

        Assert.Contains("nowhere.csv: cannot read", e.Message, StringComparison.Ordinal);
    }
}
