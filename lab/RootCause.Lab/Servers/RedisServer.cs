using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace RootCause.Lab;

/// <summary>The cart's Redis: redis-server in the foreground in cart-cache's namespace and cgroup on 10.231.0.21:6379, no persistence.</summary>
internal sealed class RedisServer
{
    public RedisServer(string workDirectory)
    {
        Folder = Path.Combine(workDirectory, LabLayout.CartCache.Name);
    }

    public LabMember Member => LabLayout.CartCache;

    public string LogPath => Path.Combine(Folder, "redis.log");

    private string Folder { get; }

    private static readonly string[] Binaries = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

    public static string FindBinary() =>
        Binaries.FirstOrDefault(File.Exists)
        ?? throw new LabException("redis-server is not installed; apt-get install redis-server (scripts/setup does)");

    public MemberCommand Command(MemberCgroup cgroup)
    {
        Directory.CreateDirectory(Folder);
        return new MemberCommand(
            Member.Name,
            FindBinary(),
            [
                "--bind", Member.Address.ToString(), "--port", Member.Port!.Value.ToString(CultureInfo.InvariantCulture),
                "--save", string.Empty, "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no",
                "--dir", Folder, "--logfile", string.Empty,
            ],
            Member.Namespace,
            cgroup.ProcsFiles,
            LogPath);
    }

    /// <summary>Whether it answers PING with +PONG now.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await client.ConnectAsync(Member.EndPoint, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
