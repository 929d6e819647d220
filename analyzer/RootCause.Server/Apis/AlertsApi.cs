using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RootCause.Contracts;
using RootCause.Server.Analyses;
using RootCause.Server.Inputs;

namespace RootCause.Server.Apis;

/// <summary>Alert webhooks: each firing alert group starts one analysis.</summary>
internal static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/v1/alerts");
        alerts.MapPost("/alertmanager", PostAlertmanagerAsync);
        alerts.MapPost("/grafana", PostGrafanaAsync);
        return app;
    }

    private static Task<Results<Accepted<AnalysesAccepted>, ProblemHttpResult>> PostAlertmanagerAsync(
        HttpRequest request, AnalysisIntake intake, AnalysisQueue queue, IOptions<ApiOptions> options, CancellationToken cancellationToken) =>
        AnalysisSubmission.SubmitAsync(request, options.Value.MaxRequestBodyBytes, body => Task.FromResult(AlertmanagerWebhook.Parse(body)), intake, queue, cancellationToken);

    private static Task<Results<Accepted<AnalysesAccepted>, ProblemHttpResult>> PostGrafanaAsync(
        HttpRequest request, AnalysisIntake intake, AnalysisQueue queue, IOptions<ApiOptions> options, CancellationToken cancellationToken) =>
        AnalysisSubmission.SubmitAsync(request, options.Value.MaxRequestBodyBytes, body => Task.FromResult(GrafanaWebhook.Parse(body)), intake, queue, cancellationToken);
}
