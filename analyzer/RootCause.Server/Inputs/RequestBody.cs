using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace RootCause.Server.Inputs;

/// <summary>Reads a JSON request body into memory, refusing other content types and anything over the size limit before parsing.</summary>
internal static class RequestBody
{
    public static async Task<InputResult<byte[]>> ReadJsonAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!JsonContentType.IsJson(request.ContentType))
        {
            return InputResult<byte[]>.Fail(new InputError(
                "Unsupported media type",
                $"Content-Type '{request.ContentType ?? "(none)"}' is not JSON; send application/json (UTF-8).",
                Status: StatusCodes.Status415UnsupportedMediaType));
        }

        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 16 * 1024, limit + 1));
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                // A chunked body gives no length up front: stop as soon as it passes the limit.
                return TooLarge(limit);
            }
        }

        return InputResult<byte[]>.Ok(buffer.WrittenSpan.ToArray());
    }

    private static InputResult<byte[]> TooLarge(long limit) =>
        InputResult<byte[]>.Fail(new InputError(
            "Request body too large",
            $"The request body exceeds the limit of {limit.ToString(CultureInfo.InvariantCulture)} bytes.",
            Status: StatusCodes.Status413PayloadTooLarge));
}
