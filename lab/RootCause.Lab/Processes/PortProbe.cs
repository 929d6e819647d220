using System.Net;
using System.Net.Sockets;

namespace RootCause.Lab;

/// <summary>Waits, bounded, until a lab server accepts TCP connections on its address (from the host, over the bridge).</summary>
internal static class PortProbe
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    /// <summary>True when a TCP connection to the endpoint succeeds now.</summary>
    public static async Task<bool> AnswersAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await client.ConnectAsync(endPoint, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits until <paramref name="name"/> answers on <paramref name="endPoint"/>; <see cref="LabException"/> with the
    /// tail of its log when it does not within <paramref name="timeout"/> or its process is gone (<paramref name="isAlive"/>).
    /// </summary>
    public static async Task WaitAsync(string name, IPEndPoint endPoint, TimeSpan timeout, Func<bool> isAlive, string logPath, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (await AnswersAsync(endPoint, cancellationToken))
            {
                return;
            }

            if (!isAlive())
            {
                throw new LabException($"{name} exited before answering on {endPoint}; last lines of {logPath}:{Environment.NewLine}{LogTail.Read(logPath)}");
            }

            if (TimeProvider.System.GetElapsedTime(started) >= timeout)
            {
                throw new LabException($"{name} did not answer on {endPoint} within {timeout.TotalSeconds:0} s; last lines of {logPath}:{Environment.NewLine}{LogTail.Read(logPath)}");
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }
}
