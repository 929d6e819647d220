using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RootCause.Server.Analyses;
using RootCause.Server.Telemetry;

namespace RootCause.Server.Apis;

internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", GetAsync);
        return app;
    }

    private static async Task<Ok<HealthView>> GetAsync(ITelemetryStore telemetry, IReportStore reports, AnalysisQueue queue, CancellationToken cancellationToken)
    {
        var stats = await telemetry.StatsAsync(cancellationToken).ConfigureAwait(false);
        var analyses = await reports.CountAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new HealthView("ok", stats.Batches, stats.Newest, analyses, queue.Count, queue.Capacity));
    }
}
