namespace RootCause.Agent.Protocols.Postgres;

/// <summary>Receives what a <see cref="PostgresStreamParser"/> finds in one direction of a connection.</summary>
internal interface IPostgresMessageSink
{
    /// <summary>
    /// A typed message ended: its type, the first bytes of its body (those the parser kept and the kernel copied), and
    /// when its first and last bytes were read or written.
    /// </summary>
    void OnMessage(bool frontend, byte type, ReadOnlySpan<byte> body, long startNs, long endNs);

    /// <summary>
    /// The parser found a message boundary again after events of the connection were lost (the ring buffer was full):
    /// any number of messages passed unseen. (Boundaries lost in uncopied bytes of one read or write hide no more than
    /// that read or write held.)
    /// </summary>
    void OnResyncAfterLoss(bool frontend);

    /// <summary>The frontend asked for an encrypted session (SSLRequest, GSSENCRequest); one byte answers it.</summary>
    void OnEncryptionRequest();

    /// <summary>The backend agreed to encrypt: the rest of the connection cannot be read.</summary>
    void OnEncrypted();

    /// <summary>Bytes that are not a message where one was expected.</summary>
    void OnParseFailure();
}
