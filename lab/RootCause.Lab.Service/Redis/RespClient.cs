using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace RootCause.Lab.Service.Redis;

/// <summary>
/// A small Redis client speaking RESP2 over a bounded pool of connections. Each call takes one connection for its whole
/// pipeline, so replies never interleave; a connection that failed in any way is closed rather than returned.
/// Failures: <see cref="SocketException"/> when the server cannot be reached, <see cref="IOException"/> when it closed
/// the connection, <see cref="TimeoutException"/> past the command timeout, <see cref="RespProtocolException"/> for bad bytes.
/// </summary>
internal sealed class RespClient : IDisposable
{
    private readonly EndPoint endPoint;
    private readonly RespClientOptions options;
    private readonly RespLimits? limits;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentQueue<RespConnection> idle = new();
    private bool disposed;

    public RespClient(EndPoint endPoint, RespClientOptions? options = null, RespLimits? limits = null)
    {
        this.endPoint = endPoint;
        this.options = options ?? RespClientOptions.Default;
        this.limits = limits;
        slots = new SemaphoreSlim(this.options.MaximumConnections, this.options.MaximumConnections);
    }

    /// <summary>Connections currently open and idle in the pool.</summary>
    public int IdleConnections => idle.Count;

    public async Task<RespValue> ExecuteAsync(IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        (await PipelineAsync([command], cancellationToken))[0];

    public async Task<IReadOnlyList<RespValue>> PipelineAsync(IReadOnlyList<IReadOnlyList<string>> commands, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.CommandTimeout);
        var token = deadline.Token;
        try
        {
            await slots.WaitAsync(token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Timeout("waiting for a free connection");
        }

        RespConnection? connection = null;
        var healthy = false;
        try
        {
            connection = TakeIdle() ?? await ConnectAsync(token, cancellationToken);
            var replies = await connection.ExecuteAsync(commands, token);
            healthy = true;
            return replies;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Timeout($"{commands[0][0]}");
        }
        finally
        {
            if (healthy && !disposed)
            {
                idle.Enqueue(connection!);
            }
            else
            {
                connection?.Dispose();
            }

            slots.Release();
        }
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryDequeue(out var connection))
        {
            connection.Dispose();
        }
    }

    private RespConnection? TakeIdle()
    {
        while (idle.TryDequeue(out var connection))
        {
            if (!connection.IsBroken)
            {
                return connection;
            }

            connection.Dispose();
        }

        return null;
    }

    private async Task<RespConnection> ConnectAsync(CancellationToken commandToken, CancellationToken callerToken)
    {
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(commandToken);
        connect.CancelAfter(options.ConnectTimeout);
        try
        {
            return await RespConnection.ConnectAsync(endPoint, limits, connect.Token);
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            throw Timeout("connecting");
        }
    }

    private TimeoutException Timeout(string what) =>
        new($"redis {endPoint}: no answer within {options.CommandTimeout.TotalMilliseconds:0} ms ({what})");
}
