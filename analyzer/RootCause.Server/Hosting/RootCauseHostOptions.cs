using RootCause.Analysis;
using RootCause.Analysis.FaultTrees;
using RootCause.Server.Messaging;

namespace RootCause.Server.Hosting;

/// <summary>Everything needed to build the service host; the defaults run on one machine with nothing set up.</summary>
public sealed class RootCauseHostOptions
{
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Where to listen; semicolon-separated; port 0 picks a free port (read it back from <c>app.Urls</c> after start).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>The fault-tree directory; <see cref="FaultTreeDirectory.Default"/> when null. Ignored when <see cref="FaultTrees"/> is set.</summary>
    public string? FaultTreesDirectory { get; set; }

    /// <summary>Already loaded fault trees (the demo and tests); when set, no directory is read.</summary>
    public FaultTreeSet? FaultTrees { get; set; }

    public AnalyzerOptions Analyzer { get; set; } = new();

    /// <summary>Largest accepted request body (webhooks, analyses, batches); larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>Analyses that may wait; more get 503.</summary>
    public int QueueCapacity { get; set; } = 64;

    /// <summary>Analyses run at the same time.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>Analyses (with their reports) the in-memory store keeps.</summary>
    public int ReportCapacity { get; set; } = 1000;

    /// <summary>How long the in-memory telemetry store keeps batches.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(6);

    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    /// <summary>The clock of the analyzer and the host; tests may pass a fake one.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
