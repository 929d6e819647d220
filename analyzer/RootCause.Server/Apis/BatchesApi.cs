using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RootCause.Server.Inputs;

namespace RootCause.Server.Apis;

/// <summary>Metric batches over HTTP, for agents that cannot reach the bus; they are published so they enter through the same consumer.</summary>
internal static class BatchesApi
{
    public static IEndpointRouteBuilder MapBatchesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/batches", PostAsync);
        return app;
    }

    private static async Task<Results<Accepted<BatchesAccepted>, ProblemHttpResult>> PostAsync(
        HttpRequest request, IPublishEndpoint bus, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadJsonAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        if (!body.IsValid)
        {
            return Problems.From(body.Error);
        }

        var batches = MetricBatchUpload.Parse(body.Value);
        if (!batches.IsValid)
        {
            return Problems.From(batches.Error);
        }

        foreach (var batch in batches.Value)
        {
            await bus.Publish(batch, cancellationToken).ConfigureAwait(false);
        }

        return TypedResults.Accepted((string?)null, new BatchesAccepted(batches.Value.Count));
    }
}
