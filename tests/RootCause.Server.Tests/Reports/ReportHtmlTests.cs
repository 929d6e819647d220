using RootCause.Server.Reports;

namespace RootCause.Server.Tests.Reports;

public sealed class ReportHtmlTests
{
    [Fact]
    public void Page_is_self_contained_with_tables_and_the_top_cause()
    {
        var html = ReportHtml.Render(SampleReports.Slow());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>RootCause: latency of frontend</title>", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<td>service backend</td>", html, StringComparison.Ordinal);
        Assert.Contains("50 ms → 800 ms", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Script_tags_and_event_handlers_in_names_never_reach_the_page_as_markup()
    {
        var html = ReportHtml.Render(SampleReports.Hostile());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" onclick=\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" onerror=\"", html, StringComparison.OrdinalIgnoreCase);

        // The names are still there, as text.
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_in_markdown_is_not_passed_through()
    {
        var report = SampleReports.Slow() with { Summary = "x" };
        var html = ReportHtml.Render(report with { DrillDown = report.DrillDown with { Explanation = "<iframe src=//evil>" } });

        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
    }
}
