using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using RootCause.Server.Apis;
using RootCause.Server.Messaging;
using RootCause.Server.Reports;

namespace RootCause.Server.Hosting;

/// <summary>
/// Builds the service host: webhooks, API and report pages over the bus, the telemetry store, the analysis queue
/// and the report store. `rootcause serve`, `rootcause demo` and the integration tests all start it through here.
/// </summary>
public static class RootCauseHost
{
    /// <summary>
    /// Builds (does not start) the host. Throws <see cref="InvalidOperationException"/> listing every
    /// "file:line:column: message" when the fault trees do not load: the host refuses to run without them.
    /// </summary>
    /// <param name="configureServices">Extra or replacement services (e.g. another <c>IReportStore</c>), applied last.</param>
    /// <param name="configureBus">Extra MassTransit consumers, e.g. a subscriber of <c>RootCauseReportPublished</c>.</param>
    public static WebApplication Build(
        RootCauseHostOptions options,
        Action<IServiceCollection>? configureServices = null,
        Action<IBusRegistrationConfigurator>? configureBus = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRequestBodyBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QueueCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReportCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Retention, TimeSpan.Zero);

        var faultTrees = options.FaultTrees;
        if (faultTrees is null)
        {
            var directory = options.FaultTreesDirectory ?? FaultTreeDirectory.Default();
            var loaded = FaultTreeDirectory.Load(directory);
            if (!loaded.Succeeded)
            {
                throw new InvalidOperationException(
                    $"The fault trees in {directory} do not load:{Environment.NewLine}{string.Join(Environment.NewLine, loaded.Errors)}");
            }

            faultTrees = loaded.Set;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(RootCauseHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Logging.AddFilter("MassTransit", LogLevel.Warning);

        var services = builder.Services;
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(options.Clock);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => ReportJson.Apply(o.SerializerOptions));
        services.Configure<ApiOptions>(o => o.MaxRequestBodyBytes = options.MaxRequestBodyBytes);
        services.AddRootCauseTelemetry(o => o.Retention = options.Retention);
        services.AddRootCauseAnalyses(
            faultTrees,
            options.Analyzer,
            q =>
            {
                q.Capacity = options.QueueCapacity;
                q.Workers = options.Workers;
            },
            s => s.Capacity = options.ReportCapacity);
        services.AddRootCauseMessaging(m => m.Transport = options.Transport, configureBus);
        configureServices?.Invoke(services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthApi();
        app.MapAlertsApi();
        app.MapAnalysesApi();
        app.MapReportsApi();
        app.MapTopologyApi();
        app.MapBatchesApi();
        app.MapMetricsApi();
        return app;
    }
}
