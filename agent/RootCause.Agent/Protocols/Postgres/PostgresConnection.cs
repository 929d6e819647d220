using System.Text;

namespace RootCause.Agent.Protocols.Postgres;

/// <summary>
/// Pairs the requests and responses of one PostgreSQL connection. A request is a simple Query, or the extended-protocol
/// messages up to a Sync (Parse, Bind, Describe, Execute…); the backend answers each with one ReadyForQuery, so requests
/// queue in order (pipelining) and each ReadyForQuery completes the oldest. An ErrorResponse fails the request it
/// answers. The first ReadyForQuery ends the startup and authentication, which is no request. The operation is the
/// statement's kind, from the Query or Parse text, or remembered for a prepared statement that a Bind names.
/// </summary>
internal sealed class PostgresConnection : IProtocolConnection, IPostgresMessageSink
{
    /// <summary>Bound on requests waiting for their answer: a server that never answers cannot grow memory.</summary>
    public const int MaxPending = 64;

    /// <summary>Bound on prepared statements whose kind is remembered; later ones are reported as unknown.</summary>
    public const int MaxStatements = 256;

    private const string FunctionCall = "FUNCTION";

    private readonly PostgresStreamParser frontendParser = new(frontend: true);
    private readonly PostgresStreamParser backendParser = new(frontend: false);
    private readonly Queue<PostgresRequest> pending = new();
    private readonly Dictionary<string, string> statementKinds = new(StringComparer.Ordinal);
    private readonly bool server;
    private readonly IExchangeSink sink;
    private PostgresRequest? open;
    private bool ready;

    /// <param name="server">True when the watched process accepted the connection (it reads the frontend's messages).</param>
    public PostgresConnection(bool server, IExchangeSink sink)
    {
        this.server = server;
        this.sink = sink;
    }

    public int PendingCount => pending.Count;

    public PostgresParserState FrontendState => frontendParser.State;

    public PostgresParserState BackendState => backendParser.State;

    public void Feed(bool ingress, ReadOnlySpan<byte> head, long gap, ReadOnlySpan<byte> tail, long timestampNs, bool afterLoss)
    {
        if (afterLoss)
        {
            // Whatever was lost may have held messages of either direction.
            frontendParser.Feed(default, 0, default, timestampNs, afterLoss: true, this);
            backendParser.Feed(default, 0, default, timestampNs, afterLoss: true, this);
        }

        var frontend = ingress == server;
        (frontend ? frontendParser : backendParser).Feed(head, gap, tail, timestampNs, afterLoss: false, this);
    }

    public void Close(long timestampNs)
    {
        // A request the frontend finished and the server never answered failed; an unfinished one was never all sent.
        while (pending.TryDequeue(out var request))
        {
            if (request.Complete)
            {
                sink.OnExchange(new ProtocolExchange(request.Kind ?? StatementKind.Unknown, true, Math.Max(0, timestampNs - request.StartNs)));
            }
        }

        open = null;
    }

    void IPostgresMessageSink.OnMessage(bool frontend, byte type, ReadOnlySpan<byte> body, long startNs, long endNs)
    {
        if (frontend)
        {
            OnFrontendMessage(type, body, startNs);
        }
        else
        {
            OnBackendMessage(type, endNs);
        }
    }

    void IPostgresMessageSink.OnResyncAfterLoss(bool frontend)
    {
        if (frontend || pending.LastOrDefault(r => r.Complete) is not { } newest)
        {
            return;
        }

        // Answers were lost with the events. The one found next answers the newest request the frontend finished (a
        // client waits for it before writing more); older ones are given up rather than paired with the wrong answer.
        var dropped = 0;
        while (!ReferenceEquals(pending.Peek(), newest))
        {
            pending.Dequeue();
            dropped++;
        }

        if (dropped > 0)
        {
            sink.OnUnpaired(dropped);
        }
    }

    void IPostgresMessageSink.OnEncryptionRequest() => backendParser.ExpectEncryptionAnswer();

    void IPostgresMessageSink.OnEncrypted()
    {
        frontendParser.SwitchToOpaque();
        backendParser.SwitchToOpaque();
    }

    void IPostgresMessageSink.OnParseFailure() => sink.OnParseFailure();

    private void OnFrontendMessage(byte type, ReadOnlySpan<byte> body, long startNs)
    {
        switch (type)
        {
            case (byte)'Q':
                Begin(startNs).Kind ??= StatementKind.Of(CString(body, out _));
                End();
                break;
            case (byte)'P':
                var parsed = CString(body, out var afterName);
                var kind = StatementKind.Of(CString(afterName, out _));
                Remember(parsed, kind);
                Begin(startNs).Kind ??= kind;
                break;
            case (byte)'B':
                CString(body, out var afterPortal);
                var bound = Begin(startNs);
                if (bound.Kind is null && statementKinds.TryGetValue(Name(CString(afterPortal, out _)), out var known))
                {
                    bound.Kind = known;
                }

                break;
            case (byte)'C':
                if (body.Length > 0 && body[0] == (byte)'S')
                {
                    statementKinds.Remove(Name(CString(body[1..], out _)));
                }

                Begin(startNs);
                break;
            case (byte)'D':
            case (byte)'E':
            case (byte)'H':
                Begin(startNs);
                break;
            case (byte)'S':
                Begin(startNs);
                End();
                break;
            case (byte)'F':
                Begin(startNs).Kind ??= FunctionCall;
                End();
                break;
            default:
                // Terminate, password and SASL messages, COPY data: part of no request or of one already ended.
                break;
        }
    }

    private void OnBackendMessage(byte type, long endNs)
    {
        switch (type)
        {
            case (byte)'E':
                if (ready && pending.TryPeek(out var failed))
                {
                    failed.Failed = true;
                }

                break;
            case (byte)'Z':
                if (!ready)
                {
                    ready = true;
                    break;
                }

                if (!pending.TryDequeue(out var answered))
                {
                    sink.OnUnpaired(1);
                    break;
                }

                if (ReferenceEquals(answered, open))
                {
                    open = null;
                }

                sink.OnExchange(new ProtocolExchange(answered.Kind ?? StatementKind.Unknown, answered.Failed, Math.Max(0, endNs - answered.StartNs)));
                break;
            default:
                break;
        }
    }

    /// <summary>The request the frontend is writing, started by this message if none is.</summary>
    private PostgresRequest Begin(long startNs)
    {
        if (open is not null)
        {
            return open;
        }

        if (pending.Count >= MaxPending)
        {
            pending.Dequeue();
            sink.OnUnpaired(1);
        }

        open = new PostgresRequest(startNs);
        pending.Enqueue(open);
        return open;
    }

    private void End()
    {
        if (open is not null)
        {
            open.Complete = true;
            open = null;
        }
    }

    private void Remember(ReadOnlySpan<byte> statement, string kind)
    {
        var name = Name(statement);
        if (statementKinds.Count < MaxStatements || statementKinds.ContainsKey(name))
        {
            statementKinds[name] = kind;
        }
    }

    /// <summary>A NUL-terminated string at the start of <paramref name="bytes"/> (all of them when cut short), and what follows it.</summary>
    private static ReadOnlySpan<byte> CString(ReadOnlySpan<byte> bytes, out ReadOnlySpan<byte> rest)
    {
        var end = bytes.IndexOf((byte)0);
        rest = end < 0 ? default : bytes[(end + 1)..];
        return end < 0 ? bytes : bytes[..end];
    }

    private static string Name(ReadOnlySpan<byte> statement) => statement.IsEmpty ? string.Empty : Encoding.UTF8.GetString(statement);
}
