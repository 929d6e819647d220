namespace RootCause.Agent.Protocols;

/// <summary>enum rc_proto: what a connection speaks, as the kernel decided from its first bytes.</summary>
internal enum L7Protocol : byte
{
    Unknown = 0,
    Http1 = 1,
    Postgres = 3,
    Redis = 4,
}
