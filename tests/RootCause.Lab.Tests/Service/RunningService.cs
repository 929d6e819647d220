using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RootCause.Lab.Service;
using RootCause.Lab.Service.Roles;

namespace RootCause.Lab.Tests.Service;

/// <summary>
/// One role of the shop running in the test process on a free loopback port, with its own control file (absent until a
/// test writes it), as the lab runs it but without a process of its own.
/// </summary>
internal sealed class RunningService : IAsyncDisposable
{
    private readonly WebApplication app;

    private RunningService(WebApplication app, Uri address, string controlFile)
    {
        this.app = app;
        Address = address;
        ControlFile = controlFile;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public string ControlFile { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<RunningService> StartAsync(
        ServiceRole role, IReadOnlyDictionary<string, Uri>? upstreams = null, string? postgres = null, IPEndPoint? redis = null)
    {
        var controlFile = Path.Combine(Path.GetTempPath(), $"rclab-control-{Guid.NewGuid():N}.json");
        var options = new ServiceOptions(
            role, new IPEndPoint(IPAddress.Loopback, 0), controlFile, upstreams ?? new Dictionary<string, Uri>(), postgres, redis, null, ServiceOptions.DefaultRate);
        var app = await RoleHost.BuildAsync(options, TimeProvider.System, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningService(app, new Uri(address), controlFile);
    }

    /// <summary>Writes the switches as the lab does (temporary file, then rename) and waits out the control file's check interval.</summary>
    public async Task SwitchAsync(string json)
    {
        var temporary = ControlFile + ".tmp";
        await File.WriteAllTextAsync(temporary, json);
        File.Move(temporary, ControlFile, overwrite: true);
        await Task.Delay(RootCause.Lab.Service.Control.ControlFile.CheckInterval + TimeSpan.FromMilliseconds(100));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        File.Delete(ControlFile);
    }
}
