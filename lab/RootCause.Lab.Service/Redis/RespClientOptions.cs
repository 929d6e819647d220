namespace RootCause.Lab.Service.Redis;

/// <summary>
/// Timeouts and pool size of a <see cref="RespClient"/>. The command timeout covers waiting for a pooled connection,
/// connecting, writing and reading every reply, so a stalled cache shows as a timeout, never a hang.
/// </summary>
internal sealed record RespClientOptions(TimeSpan ConnectTimeout, TimeSpan CommandTimeout, int MaximumConnections)
{
    public static RespClientOptions Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 16);
}
