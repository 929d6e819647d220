using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RootCause.Contracts;
using RootCause.Server.Analyses;
using RootCause.Server.Inputs;
using RootCause.Server.Telemetry;

namespace RootCause.Server.Apis;

/// <summary>Analyses asked for directly, and the status and report of any analysis.</summary>
internal static class AnalysesApi
{
    public const string Source = "api";

    public static IEndpointRouteBuilder MapAnalysesApi(this IEndpointRouteBuilder app)
    {
        var analyses = app.MapGroup("/api/v1/analyses");
        analyses.MapPost("/", PostAsync);
        analyses.MapGet("/{id:guid}", GetAsync);
        return app;
    }

    private static Task<Results<Accepted<AnalysesAccepted>, ProblemHttpResult>> PostAsync(
        HttpRequest request,
        AnalysisIntake intake,
        AnalysisQueue queue,
        ITelemetryStore telemetry,
        TimeProvider clock,
        IOptions<ApiOptions> options,
        CancellationToken cancellationToken) =>
        AnalysisSubmission.SubmitAsync(
            request,
            options.Value.MaxRequestBodyBytes,
            async body =>
            {
                var parsed = AnalysisRequestParser.Parse(body);
                if (!parsed.IsValid)
                {
                    return InputResult<IReadOnlyList<Symptom>>.Fail(parsed.Error);
                }

                var r = parsed.Value;

                // Without a time the question is "what is wrong now", and now is the newest data we hold.
                var at = r.At ?? (await telemetry.StatsAsync(cancellationToken).ConfigureAwait(false)).Newest ?? clock.GetUtcNow();
                return InputResult<IReadOnlyList<Symptom>>.Ok([new Symptom(r.Service, r.Kpi, r.Operation, at, Source)]);
            },
            intake,
            queue,
            cancellationToken);

    private static async Task<Results<Ok<AnalysisView>, ProblemHttpResult>> GetAsync(Guid id, IReportStore store, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return record is null ? Problems.UnknownAnalysis(id) : TypedResults.Ok(AnalysisView.From(record));
    }
}
