using RootCause.Contracts;

namespace RootCause.Server.Inputs;

/// <summary>Parses and validates the plain analysis request; unknown members are errors so typos do not pass silently.</summary>
internal static class AnalysisRequestParser
{
    public static InputResult<RequestedAnalysis> Parse(ReadOnlySpan<byte> body)
    {
        var parsed = JsonInput.Deserialize<AnalysisRequestBody>(body, JsonInput.Strict);
        if (!parsed.IsValid)
        {
            return InputResult<RequestedAnalysis>.Fail(parsed.Error);
        }

        var request = parsed.Value;
        if (string.IsNullOrWhiteSpace(request.Service))
        {
            return InputResult<RequestedAnalysis>.Fail("The field 'service' is required.", "$.service");
        }

        var service = request.Service.Trim();
        if (SymptomFields.CheckName("The service", service, SymptomFields.MaxNameLength, "$.service") is { } serviceError)
        {
            return InputResult<RequestedAnalysis>.Fail(serviceError, "$.service");
        }

        var kpi = Kpis.Latency;
        if (request.Kpi is not null)
        {
            var normalised = Kpis.Normalise(request.Kpi);
            if (normalised is null)
            {
                return InputResult<RequestedAnalysis>.Fail($"Unknown KPI '{SymptomFields.Shorten(request.Kpi)}'; known KPIs are {string.Join(", ", Kpis.All)}.", "$.kpi");
            }

            kpi = normalised;
        }

        var operation = string.IsNullOrWhiteSpace(request.Operation) ? null : request.Operation.Trim();
        if (operation is not null && SymptomFields.CheckName("The operation", operation, SymptomFields.MaxOperationLength, "$.operation") is { } operationError)
        {
            return InputResult<RequestedAnalysis>.Fail(operationError, "$.operation");
        }

        DateTimeOffset? at = null;
        if (request.Time is not null)
        {
            at = SymptomFields.ParseTime(request.Time, "$.time", out var error);
            if (at is null)
            {
                return InputResult<RequestedAnalysis>.Fail(error!, "$.time");
            }
        }

        return InputResult<RequestedAnalysis>.Ok(new RequestedAnalysis(service, kpi, operation, at));
    }
}
