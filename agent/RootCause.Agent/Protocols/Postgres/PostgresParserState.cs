namespace RootCause.Agent.Protocols.Postgres;

/// <summary>Where a <see cref="PostgresStreamParser"/> is in its direction's byte stream.</summary>
internal enum PostgresParserState
{
    /// <summary>Frontend only, before the StartupMessage: untyped messages (int32 length, int32 code).</summary>
    Startup,

    /// <summary>Backend only, after an SSLRequest or GSSENCRequest: one byte, 'S'/'G' (encrypted from here) or 'N'.</summary>
    EncryptionAnswer,

    /// <summary>At a message boundary (or inside a header split over reads).</summary>
    Header,

    Body,

    /// <summary>Boundaries lost in bytes nobody copied: waiting for a point where a message surely starts.</summary>
    Desync,

    /// <summary>TLS, GSSAPI encryption or a cancel request: nothing more to parse.</summary>
    Opaque,
}
