namespace RootCause.Server.Apis;

public sealed class ApiOptions
{
    /// <summary>Largest accepted request body; larger ones get 413 before any parsing.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
