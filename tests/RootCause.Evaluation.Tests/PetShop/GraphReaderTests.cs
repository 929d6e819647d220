using RootCause.Evaluation.PetShop;
using RootCause.Topology;

namespace RootCause.Evaluation.Tests.PetShop;

public sealed class GraphReaderTests
{
    [Fact]
    public void Rows_are_callers_and_columns_callees()
    {
        var graph = GraphReader.Read(Fixture.Path("graph_good.csv"));

        Assert.Equal(["web", "api", "db_AWS::DynamoDB::Table"], graph.Components);
        Assert.Equal([new CallEdge("web", "api"), new CallEdge("api", "db_AWS::DynamoDB::Table")], graph.Calls);
    }

    [Theory]
    [InlineData("graph_bad_cell.csv", 2, "'yes' is not a non-negative number")]
    [InlineData("graph_not_square.csv", 2, "1 matrix rows for 2 components")]
    public void A_malformed_matrix_is_an_error_naming_file_and_line(string file, int line, string problem)
    {
        var path = Fixture.Path(file);

        var e = Assert.Throws<DatasetFormatException>(() => GraphReader.Read(path));

        Assert.Equal(line, e.Line);
        Assert.Contains($"{path}:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_label_that_does_not_match_the_header_is_an_error()
    {
        var rows = CsvRecords.Parse("g.csv", ",a,b\na,0,1\nc,0,0\n");

        var e = Assert.Throws<DatasetFormatException>(() => GraphReader.Parse("g.csv", rows));

        Assert.Equal("g.csv:3: row names 'c' but the header has 'b' in this position", e.Message);
    }
}
