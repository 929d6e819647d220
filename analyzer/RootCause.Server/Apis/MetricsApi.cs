using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RootCause.Server.Telemetry;

namespace RootCause.Server.Apis;

/// <summary>GET /metrics: the golden metrics RootCause holds, for a Prometheus to scrape (and alert on).</summary>
internal static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", GetAsync);
        return app;
    }

    private static async Task GetAsync(HttpResponse response, ITelemetryStore telemetry, CancellationToken cancellationToken)
    {
        var snapshot = telemetry.GoldenMetrics?.Snapshot() ?? GoldenMetricsSnapshot.Empty;
        response.ContentType = PrometheusExposition.ContentType;
        var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await PrometheusExposition.WriteAsync(writer, snapshot, cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
