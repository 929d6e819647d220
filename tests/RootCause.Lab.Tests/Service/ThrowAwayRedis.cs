using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RootCause.Lab.Tests.Service;

/// <summary>A throw-away redis-server on a free loopback port, no persistence; killed on dispose.</summary>
internal sealed class ThrowAwayRedis : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(10);

    private Process? process;

    private ThrowAwayRedis(int port) => EndPoint = new IPEndPoint(IPAddress.Loopback, port);

    public IPEndPoint EndPoint { get; }

    public static async Task<ThrowAwayRedis> StartAsync()
    {
        LabServers.Require(LabServers.Redis);
        var server = new ThrowAwayRedis(LabServers.FreePort());
        await server.StartProcessAsync();
        return server;
    }

    public async Task StopAsync()
    {
        if (process is { } running)
        {
            running.Kill();
            await running.WaitForExitAsync();
            running.Dispose();
            process = null;
        }
    }

    /// <summary>Stops and starts again on the same port: every connection the clients held is gone.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartProcessAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo(LabServers.RedisServerPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", EndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(EndPoint);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (read > 0 && buffer[0] == '+')
                {
                    return;
                }
            }
            catch (SocketException) when (waited.Elapsed < StartPatience && !process.HasExited)
            {
            }
            catch (IOException) when (waited.Elapsed < StartPatience && !process.HasExited)
            {
            }

            Assert.False(process.HasExited, $"redis-server on port {EndPoint.Port} exited with {(process.HasExited ? process.ExitCode : 0)}");
            Assert.True(waited.Elapsed < StartPatience, $"redis-server on port {EndPoint.Port} not answering PING after {StartPatience.TotalSeconds} s");
            await Task.Delay(50);
        }
    }
}
