using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RootCause.Server.Analyses;
using RootCause.Server.Reports;

namespace RootCause.Server.Apis;

/// <summary>Report pages for people: HTML and Markdown.</summary>
internal static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{id:guid}", GetHtmlAsync);
        app.MapGet("/reports/{id:guid}.md", GetMarkdownAsync);
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetHtmlAsync(Guid id, IReportStore store, HttpResponse response, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return Problems.UnknownAnalysis(id);
        }

        if (record.Report is null)
        {
            return Problems.NoReport(record);
        }

        // The page is built from untrusted names: forbid scripts outright, whatever the renderer lets through.
        response.Headers.ContentSecurityPolicy = ReportHtml.ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(ReportHtml.Render(record.Report), "text/html; charset=utf-8");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetMarkdownAsync(Guid id, IReportStore store, HttpResponse response, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return Problems.UnknownAnalysis(id);
        }

        if (record.Report is null)
        {
            return Problems.NoReport(record);
        }

        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(ReportMarkdown.Render(record.Report), "text/markdown; charset=utf-8");
    }
}
