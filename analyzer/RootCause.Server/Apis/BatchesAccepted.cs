namespace RootCause.Server.Apis;

/// <summary>The 202 answer to a batch upload: how many batches went onto the bus.</summary>
internal sealed record BatchesAccepted(int Batches);
