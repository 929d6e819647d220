using RootCause.Agent.Protocols;
using RootCause.Contracts;

namespace RootCause.Agent.Identity;

/// <summary>
/// What kind of service a process is: a well-known server program, the protocol its listener answers in, or a
/// listener on a well-known port. The mapping file's kind= beats them all.
/// </summary>
internal static class KindInference
{
    private static readonly Dictionary<string, ServiceKind> Spelled = new(StringComparer.Ordinal)
    {
        ["service"] = ServiceKind.Service,
        ["database"] = ServiceKind.Database,
        ["cache"] = ServiceKind.Cache,
        ["queue"] = ServiceKind.Queue,
        ["external"] = ServiceKind.External,
    };

    // Kernel comm names (at most 15 characters, so clickhouse-server is cut).
    private static readonly Dictionary<string, ServiceKind> Programs = new(StringComparer.Ordinal)
    {
        ["postgres"] = ServiceKind.Database,
        ["postmaster"] = ServiceKind.Database,
        ["mysqld"] = ServiceKind.Database,
        ["mariadbd"] = ServiceKind.Database,
        ["mongod"] = ServiceKind.Database,
        ["cockroach"] = ServiceKind.Database,
        ["clickhouse-serv"] = ServiceKind.Database,
        ["redis-server"] = ServiceKind.Cache,
        ["valkey-server"] = ServiceKind.Cache,
        ["keydb-server"] = ServiceKind.Cache,
        ["memcached"] = ServiceKind.Cache,
        ["nats-server"] = ServiceKind.Queue,
        ["mosquitto"] = ServiceKind.Queue,
    };

    private static readonly Dictionary<int, ServiceKind> Ports = new()
    {
        [5432] = ServiceKind.Database,   // PostgreSQL
        [3306] = ServiceKind.Database,   // MySQL, MariaDB
        [27017] = ServiceKind.Database,  // MongoDB
        [9042] = ServiceKind.Database,   // Cassandra, ScyllaDB
        [26257] = ServiceKind.Database,  // CockroachDB
        [6379] = ServiceKind.Cache,      // Redis, Valkey
        [11211] = ServiceKind.Cache,     // memcached
        [5672] = ServiceKind.Queue,      // AMQP (RabbitMQ)
        [9092] = ServiceKind.Queue,      // Kafka
        [4222] = ServiceKind.Queue,      // NATS
    };

    /// <summary>The kind of a well-known server program, by its comm or the program a runtime runs; null when unknown.</summary>
    public static ServiceKind? OfProcess(ProcessInfo process) =>
        Programs.TryGetValue(process.Comm, out var kind) || Programs.TryGetValue(ServiceResolver.ProcessName(process), out kind) ? kind : null;

    /// <summary>The kind of a server listening on a well-known port; null for any other port.</summary>
    public static ServiceKind? OfListenerPort(int port) => Ports.TryGetValue(port, out var kind) ? kind : null;

    /// <summary>The kind of a server that answers in <paramref name="protocol"/>; null for protocols any service speaks.</summary>
    public static ServiceKind? OfProtocol(L7Protocol protocol) => protocol switch
    {
        L7Protocol.Postgres => ServiceKind.Database,
        L7Protocol.Redis => ServiceKind.Cache,
        _ => null,
    };

    /// <summary>Parses a kind as the mapping file writes it (lower case).</summary>
    public static bool TryParse(string text, out ServiceKind kind) => Spelled.TryGetValue(text, out kind);

    /// <summary>The kinds as the mapping file spells them, for error messages.</summary>
    public static string Names => string.Join(", ", Spelled.Keys);
}
