using System.Threading.Channels;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RootCause.Contracts;
using RootCause.Lab.Runs;
using RootCause.Server.Telemetry;

namespace RootCause.Server.Cli;

/// <summary>
/// The RootCause service host running inside `rootcause lab`: the lab hears its reports as any subscriber
/// would, from the <see cref="RootCauseReportPublished"/> events on its bus.
/// </summary>
internal sealed class LabHost : IRootCauseService, IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<RootCauseReport> reports = Channel.CreateUnbounded<RootCauseReport>();
    private readonly List<RootCauseReport> seen = [];
    private HostReceiveEndpointHandle? subscription;

    private LabHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Starts <paramref name="app"/> and subscribes to its reports.</summary>
    public static async Task<LabHost> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var host = new LabHost(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
        host.subscription = app.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint("rootcause-lab-reports", e =>
            e.Handler<RootCauseReportPublished>(context => host.reports.Writer.WriteAsync(context.Message.Report, context.CancellationToken).AsTask()));
        await host.subscription.Ready.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        return host;
    }

    public async Task<RootCauseReport?> WaitForReportAsync(string service, DateTimeOffset since, TimeSpan timeout, CancellationToken cancellationToken)
    {
        bool Matches(RootCauseReport r) => string.Equals(r.Symptom.Service, service, StringComparison.Ordinal) && r.Symptom.At >= since;
        if (seen.FirstOrDefault(Matches) is { } earlier)
        {
            return earlier;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var report = await reports.Reader.ReadAsync(deadline.Token).ConfigureAwait(false);
                seen.Add(report);
                if (Matches(report))
                {
                    return report;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public async Task<Func<string, string?>> ServiceResolverAsync(CancellationToken cancellationToken)
    {
        var graph = await app.Services.GetRequiredService<ITelemetryStore>().TopologyAsync(cancellationToken).ConfigureAwait(false);
        return name => graph.ServiceOf(name);
    }

    public async Task<bool> HasTrafficAsync(string service, CancellationToken cancellationToken)
    {
        var graph = await app.Services.GetRequiredService<ITelemetryStore>().TopologyAsync(cancellationToken).ConfigureAwait(false);
        return graph.HasService(service) && graph.InstancesOf(service).Count > 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (subscription is not null)
        {
            await subscription.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
