namespace RootCause.Lab.Service.Upstreams;

/// <summary>
/// What one call to an upstream came to: its answer, or why there was none (<see cref="Failure"/>, with the status the
/// caller answers in its place: 503 cannot connect, 504 no answer in time, 502 anything else broken).
/// </summary>
internal sealed record UpstreamResponse(int StatusCode, byte[] Body, string? ContentType, string? Failure = null)
{
    public bool IsSuccess => Failure is null && StatusCode is >= 200 and < 300;

    public static UpstreamResponse Failed(int statusCode, string why) => new(statusCode, [], null, why);

    /// <summary>
    /// The answer a caller gives when it passes this response on: the upstream's own answer unless it failed, in which
    /// case a 5xx of ours that names the upstream (a 5xx upstream becomes 502, so errors show where they start).
    /// </summary>
    public IResult Relay(string upstream)
    {
        if (Failure is not null)
        {
            return Results.Json(new { error = Failure }, statusCode: StatusCode);
        }

        if (StatusCode >= 500)
        {
            return Results.Json(new { error = $"{upstream} answered {StatusCode}" }, statusCode: StatusCodes.Status502BadGateway);
        }

        return Results.Text(Body.AsSpan(), ContentType, StatusCode);
    }
}
