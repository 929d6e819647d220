namespace RootCause.Agent.Protocols.Postgres;

/// <summary>
/// One request: a simple Query, or the extended-protocol messages (Parse, Bind, Describe, Execute…) up to their Sync.
/// The backend answers each with messages ending in one ReadyForQuery.
/// </summary>
internal sealed class PostgresRequest(long startNs)
{
    public long StartNs { get; } = startNs;

    /// <summary>The statement's kind, once a Query, Parse or Bind of a known statement named it.</summary>
    public string? Kind { get; set; }

    /// <summary>The frontend ended it (Query, Sync, FunctionCall): the server owes a ReadyForQuery.</summary>
    public bool Complete { get; set; }

    /// <summary>The backend sent an ErrorResponse for it.</summary>
    public bool Failed { get; set; }
}
