using RootCause.Evaluation.Nab;

namespace RootCause.Evaluation.Tests.Nab;

/// <summary>NAB files are untrusted input: every defect is an error naming file:line.</summary>
public sealed class NabReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nab-reader-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("timestamp,value\n2014-01-01 00:00:00,1\n2014-01-01 00:05:00,abc\n", 3, "not a finite number")]
    [InlineData("timestamp,value\n2014-01-01 00:00:00,1\n2014-13-01 00:05:00,2\n", 3, "not a timestamp")]
    [InlineData("timestamp,value\n2014-01-01 00:00:00,1,2\n", 2, "fields")]
    [InlineData("time,value\n2014-01-01 00:00:00,1\n", 1, "header")]
    [InlineData("timestamp,value\n2014-01-01 00:00:00,NaN\n", 2, "not a finite number")]
    public void A_bad_data_row_is_reported_with_its_line(string text, int line, string problem)
    {
        var path = Write("series.csv", text);

        var error = Assert.Throws<DatasetFormatException>(() => NabCsvReader.Read(path, "c/series.csv", "value"));

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"{path}:{line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_ending_before_it_starts_is_reported_with_its_line()
    {
        var path = Write("windows.json", "{\n  \"c/a.csv\": [\n    [\n      \"2014-01-02 00:00:00.000000\",\n      \"2014-01-01 00:00:00.000000\"\n    ]\n  ]\n}\n");

        var error = Assert.Throws<DatasetFormatException>(() => NabLabelReader.Read(path));

        Assert.Equal(3, error.Line);
        Assert.Contains("ends before it starts", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_and_wrong_types_are_reported_with_their_line()
    {
        var broken = Write("broken.json", "{\n  \"standard\": {\n    \"CostMatrix\": { \"tpWeight\": 1.0,, }\n  }\n}\n");
        var wrongType = Write("typed.json", "{\n  \"standard\": {\n    \"CostMatrix\": {\n      \"tpWeight\": \"one\",\n      \"fpWeight\": 0.11,\n      \"fnWeight\": 1.0\n    }\n  }\n}\n");

        Assert.Equal(3, Assert.Throws<DatasetFormatException>(() => NabProfileReader.Read(broken)).Line);
        var error = Assert.Throws<DatasetFormatException>(() => NabProfileReader.Read(wrongType));
        Assert.Equal(4, error.Line);
        Assert.Contains("expected a number", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_error_not_a_crash()
    {
        var error = Assert.Throws<DatasetFormatException>(() => NabCsvReader.Read(Path.Combine(_dir, "absent.csv"), "c/absent.csv", "value"));

        Assert.Equal(0, error.Line);
        Assert.Contains("cannot read", error.Problem, StringComparison.Ordinal);
    }
}
