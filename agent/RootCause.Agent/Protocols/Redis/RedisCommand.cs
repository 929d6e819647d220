namespace RootCause.Agent.Protocols.Redis;

/// <summary>A command waiting for its reply (several when pipelined).</summary>
/// <param name="Lost">
/// Not one command: the place of those a write held in bytes nobody copied, whose number and names are unknown.
/// </param>
internal readonly record struct RedisCommand(string Name, long StartNs, bool Lost = false);
