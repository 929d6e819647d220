using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RootCause.Server.Telemetry;

namespace RootCause.Server.Apis;

internal static class TopologyApi
{
    public static IEndpointRouteBuilder MapTopologyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/topology", GetAsync);
        return app;
    }

    private static async Task<Ok<TopologyView>> GetAsync(ITelemetryStore telemetry, CancellationToken cancellationToken) =>
        TypedResults.Ok(TopologyView.From(await telemetry.TopologyAsync(cancellationToken).ConfigureAwait(false)));
}
