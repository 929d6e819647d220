namespace RootCause.Agent.Protocols.Redis;

/// <summary>A command waiting for its reply (several when pipelined).</summary>
internal readonly record struct RedisCommand(string Name, long StartNs);
