using RootCause.Server.Reports;

namespace RootCause.Server.Tests.Reports;

public sealed class ReportMarkdownTests
{
    [Fact]
    public void Report_says_what_where_why_and_what_next()
    {
        var md = ReportMarkdown.Render(SampleReports.Slow());

        Assert.StartsWith("# Latency of frontend (GET /cart)\n", md, StringComparison.Ordinal);
        Assert.Contains("**Outcome:** root cause found", md, StringComparison.Ordinal);
        Assert.Contains("\n\nLatency of frontend rose at 10:57 because backend slowed down.\n\n", md, StringComparison.Ordinal);
        Assert.Contains("| 1 | service backend | Slow service | 0.87 |", md, StringComparison.Ordinal);
        Assert.Contains("| 2 | node node-2 | Inconclusive | 0.31 |", md, StringComparison.Ordinal);
        Assert.Contains("1. latency\\_p99 of the candidate is up", md, StringComparison.Ordinal);
        Assert.Contains("| service backend | latency\\_p99 | ↑ up | 14.2 | 50 ms → 800 ms | 2026-01-05 10:57:00 UTC |", md, StringComparison.Ordinal);
        Assert.Contains("21 % → 93 %", md, StringComparison.Ordinal);
        Assert.Contains("**Advice:** Look at recent deploys of the service.", md, StringComparison.Ordinal);
        Assert.Contains("frontend → backend", md, StringComparison.Ordinal);
        Assert.Contains("GET /cart on every instance explains the rise.", md, StringComparison.Ordinal);
        Assert.Contains("| instance=frontend-1, operation=GET /cart | 92 % | 810 ms | 60 ms |", md, StringComparison.Ordinal);
        Assert.Contains("2026-01-05 09:45:00 UTC → 2026-01-05 11:01:00 UTC (76 min)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_names_cannot_break_table_rows_or_start_blocks()
    {
        var md = ReportMarkdown.Render(SampleReports.Hostile());

        var rankRow = md.Split('\n').Single(l => l.StartsWith("| 1 |", StringComparison.Ordinal));

        // Five unescaped pipes make four cells, whatever the entity name holds.
        Assert.Equal(5, CountUnescaped(rankRow, '|'));
        Assert.DoesNotContain("\n# Heading", md, StringComparison.Ordinal);
        Assert.DoesNotContain("evil\nname", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.Contains("\\<script\\>", md, StringComparison.Ordinal);
        // The closing bracket is escaped, so "(javascript:...)" after it is plain text, never a link target.
        Assert.DoesNotMatch(@"(?<!\\)\]\(javascript", md);
        Assert.Contains("\\](javascript", md, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain-name", "plain-name")]
    [InlineData("a|b", "a\\|b")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("1. not a list", "1\\. not a list")]
    [InlineData("under_score*star*", "under\\_score\\*star\\*")]
    [InlineData("line\r\nbreak", "line  break")]
    [InlineData("[x](y)", "\\[x\\](y)")]
    public void Escape_keeps_text_literal(string text, string expected) => Assert.Equal(expected, MarkdownText.Escape(text));

    private static int CountUnescaped(string line, char c)
    {
        var n = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == c)
            {
                n++;
            }
        }

        return n;
    }
}
