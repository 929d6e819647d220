namespace RootCause.Agent.Events;

internal enum DecodeResult
{
    Decoded,

    /// <summary>Shorter than its kind's header.</summary>
    Truncated,

    /// <summary>A kind this agent does not know.</summary>
    UnknownKind,

    /// <summary>Header fields that contradict each other (captured beyond the record, bad family).</summary>
    Invalid,
}
