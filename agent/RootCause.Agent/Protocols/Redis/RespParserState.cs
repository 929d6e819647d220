namespace RootCause.Agent.Protocols.Redis;

/// <summary>Where a <see cref="RespStreamParser"/> is in its direction's byte stream.</summary>
internal enum RespParserState
{
    /// <summary>At the type byte of a value (a whole command or reply, or an element of one).</summary>
    ValueStart,

    /// <summary>Inside the line after a type byte: a length, a count or a simple value, up to CRLF.</summary>
    Line,

    /// <summary>Inside a bulk string's bytes and their CRLF.</summary>
    Bulk,

    /// <summary>Boundaries lost in bytes nobody copied: waiting for an event that starts with a value.</summary>
    Desync,
}
