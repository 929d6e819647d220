namespace RootCause.Server.Apis;

/// <summary>GET /healthz: alive, and how full the store and the queue are.</summary>
/// <param name="Batches">Metric batches retained; lets a caller wait until published batches have been ingested.</param>
internal sealed record HealthView(string Status, int Batches, DateTimeOffset? NewestInterval, int Analyses, int Queued, int QueueCapacity);
