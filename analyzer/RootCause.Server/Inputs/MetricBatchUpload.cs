using RootCause.Bundles;
using RootCause.Contracts;

namespace RootCause.Server.Inputs;

/// <summary>
/// Parses the body of POST /api/v1/batches: a JSON array of <see cref="MetricBatch"/> in the shared wire format
/// (<see cref="WireJson"/>), every batch validated as a bundle's batches are.
/// </summary>
internal static class MetricBatchUpload
{
    public static InputResult<IReadOnlyList<MetricBatch>> Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return InputResult<IReadOnlyList<MetricBatch>>.Ok(BundleReader.ParseBatches(body));
        }
        catch (BundleFormatException e)
        {
            return InputResult<IReadOnlyList<MetricBatch>>.Fail(new InputError("Invalid metric batch", e.Message, e.JsonPath, e.Line));
        }
    }
}
