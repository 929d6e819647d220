namespace RootCause.Agent.Http;

/// <summary>Where an <see cref="HttpStreamParser"/> is in the byte stream.</summary>
internal enum HttpParserState
{
    MessageStart,
    Headers,
    Body,
    ChunkSize,
    ChunkData,
    ChunkDataEnd,
    Trailers,
    BodyUntilClose,

    /// <summary>Boundaries lost: bytes are ignored until an event starts with a message start.</summary>
    Desync,

    /// <summary>Switched protocols (101, CONNECT): nothing more is HTTP/1.x.</summary>
    Opaque,
}
