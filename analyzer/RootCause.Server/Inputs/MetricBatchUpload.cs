using RootCause.Contracts;

namespace RootCause.Server.Inputs;

/// <summary>Parses the body of POST /api/v1/batches: a JSON array of <see cref="MetricBatch"/>, every one validated.</summary>
internal static class MetricBatchUpload
{
    public static InputResult<IReadOnlyList<MetricBatch>> Parse(ReadOnlySpan<byte> body)
    {
        var parsed = JsonInput.Deserialize<List<MetricBatch?>>(body, JsonInput.Strict);
        if (!parsed.IsValid)
        {
            return InputResult<IReadOnlyList<MetricBatch>>.Fail(parsed.Error);
        }

        var batches = new List<MetricBatch>(parsed.Value.Count);
        for (var i = 0; i < parsed.Value.Count; i++)
        {
            if (MetricBatchValidator.Validate(parsed.Value[i], $"$[{i}]") is { } error)
            {
                return InputResult<IReadOnlyList<MetricBatch>>.Fail(new InputError("Invalid metric batch", error, Path: error[..error.IndexOf(':', StringComparison.Ordinal)]));
            }

            batches.Add(parsed.Value[i]!);
        }

        return InputResult<IReadOnlyList<MetricBatch>>.Ok(batches);
    }
}
