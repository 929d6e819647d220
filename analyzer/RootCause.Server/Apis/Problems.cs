using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using RootCause.Server.Analyses;
using RootCause.Server.Inputs;

namespace RootCause.Server.Apis;

/// <summary>The ProblemDetails answers of the API, so every refusal says what is wrong in the same shape.</summary>
internal static class Problems
{
    public static ProblemHttpResult From(InputError error)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (error.Path is not null)
        {
            extensions["path"] = error.Path;
        }

        if (error.Line is not null)
        {
            extensions["line"] = error.Line;
            extensions["column"] = error.Column;
        }

        return TypedResults.Problem(detail: error.Detail, statusCode: error.Status, title: error.Title, extensions: extensions);
    }

    public static ProblemHttpResult QueueFull(int capacity) => TypedResults.Problem(
        detail: $"The analysis queue is full ({capacity} waiting); retry later.",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Analysis queue full");

    public static ProblemHttpResult UnknownAnalysis(Guid id) => TypedResults.Problem(
        detail: $"There is no analysis {id:D} (it may never have existed or may have been evicted).",
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown analysis");

    public static ProblemHttpResult NoReport(AnalysisRecord record) => TypedResults.Problem(
        detail: record.Status == AnalysisStatus.Failed
            ? $"Analysis {record.Id:D} failed: {record.Error}"
            : $"Analysis {record.Id:D} is {record.Status.ToString().ToLowerInvariant()}; its report is not ready yet.",
        statusCode: StatusCodes.Status409Conflict,
        title: "No report",
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["status"] = record.Status.ToString().ToLowerInvariant() });
}
