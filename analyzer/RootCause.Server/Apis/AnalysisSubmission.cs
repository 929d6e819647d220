using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using RootCause.Contracts;
using RootCause.Server.Analyses;
using RootCause.Server.Inputs;

namespace RootCause.Server.Apis;

/// <summary>The common tail of every endpoint that starts analyses: read the body, parse it, queue, answer 202.</summary>
internal static class AnalysisSubmission
{
    public static async Task<Results<Accepted<AnalysesAccepted>, ProblemHttpResult>> SubmitAsync(
        HttpRequest request,
        long maxBodyBytes,
        Func<byte[], Task<InputResult<IReadOnlyList<Symptom>>>> parse,
        AnalysisIntake intake,
        AnalysisQueue queue,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadJsonAsync(request, maxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (!body.IsValid)
        {
            return Problems.From(body.Error);
        }

        var symptoms = await parse(body.Value).ConfigureAwait(false);
        if (!symptoms.IsValid)
        {
            return Problems.From(symptoms.Error);
        }

        var accepted = await intake.SubmitAsync(symptoms.Value, cancellationToken).ConfigureAwait(false);
        if (accepted is null)
        {
            return Problems.QueueFull(queue.Capacity);
        }

        var answer = new AnalysesAccepted([.. accepted.Select(AcceptedAnalysis.From)]);
        return TypedResults.Accepted(accepted.Count == 1 ? AnalysisLinks.For(accepted[0].Id).Self : null, answer);
    }
}
