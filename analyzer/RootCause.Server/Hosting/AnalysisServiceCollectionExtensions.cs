using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RootCause.Analysis;
using RootCause.Analysis.FaultTrees;
using RootCause.Server.Analyses;
using RootCause.Server.Telemetry;

namespace RootCause.Server.Hosting;

public static class AnalysisServiceCollectionExtensions
{
    /// <summary>Adds the in-memory telemetry store (unless another <see cref="ITelemetryStore"/> is registered first).</summary>
    public static IServiceCollection AddRootCauseTelemetry(this IServiceCollection services, Action<TelemetryOptions>? configure = null)
    {
        var options = services.AddOptions<TelemetryOptions>().Validate(o => o.Retention > TimeSpan.Zero, "Retention must be positive.");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<ITelemetryStore, InMemoryTelemetryStore>();
        return services;
    }

    /// <summary>
    /// Adds the analyzer with its fault trees, the bounded queue, the background workers and the in-memory
    /// report store (unless another <see cref="IReportStore"/> is registered first).
    /// </summary>
    public static IServiceCollection AddRootCauseAnalyses(
        this IServiceCollection services,
        FaultTreeSet faultTrees,
        AnalyzerOptions analyzerOptions,
        Action<AnalysisQueueOptions>? configureQueue = null,
        Action<ReportStoreOptions>? configureStore = null)
    {
        ArgumentNullException.ThrowIfNull(faultTrees);
        ArgumentNullException.ThrowIfNull(analyzerOptions);
        var queue = services.AddOptions<AnalysisQueueOptions>().Validate(o => o.Capacity > 0 && o.Workers > 0, "Queue capacity and workers must be positive.");
        if (configureQueue is not null)
        {
            queue.Configure(configureQueue);
        }

        var store = services.AddOptions<ReportStoreOptions>().Validate(o => o.Capacity > 0, "Report store capacity must be positive.");
        if (configureStore is not null)
        {
            store.Configure(configureStore);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new RootCauseAnalyzer(faultTrees, analyzerOptions, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IReportStore, InMemoryReportStore>();
        services.AddSingleton<AnalysisQueue>();
        services.AddSingleton<AnalysisIntake>();
        services.AddHostedService<AnalysisWorker>();
        return services;
    }
}
