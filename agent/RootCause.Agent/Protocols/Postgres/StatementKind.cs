namespace RootCause.Agent.Protocols.Postgres;

/// <summary>
/// The kind of an SQL statement, from its first keyword: SELECT, INSERT, BEGIN… A WITH query is named by the statement
/// after its common table expressions when the copied text reaches it. Anything that is not a known command is
/// <see cref="Unknown"/>, so statement text never becomes an operation name.
/// </summary>
internal static class StatementKind
{
    public const string Unknown = "QUERY";

    private const int MaxKeyword = 16;

    // PostgreSQL's SQL commands (the first word of each in the manual's "SQL Commands" chapter).
    private static readonly string[] Commands =
    [
        "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "WITH", "VALUES", "TABLE", "BEGIN", "START", "COMMIT", "END",
        "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "PREPARE", "EXECUTE", "DEALLOCATE", "CREATE", "ALTER", "DROP",
        "TRUNCATE", "COPY", "SET", "SHOW", "RESET", "DISCARD", "LOCK", "LISTEN", "NOTIFY", "UNLISTEN", "VACUUM", "ANALYZE",
        "ANALYSE", "EXPLAIN", "GRANT", "REVOKE", "DO", "CALL", "DECLARE", "FETCH", "MOVE", "CLOSE", "CHECKPOINT", "REINDEX",
        "CLUSTER", "COMMENT", "REFRESH", "SECURITY", "LOAD", "IMPORT", "REASSIGN",
    ];

    private static readonly HashSet<string> MainStatements = new(StringComparer.Ordinal) { "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "VALUES", "TABLE" };

    /// <summary>The kind of the first statement in <paramref name="sql"/> (possibly cut short).</summary>
    public static string Of(ReadOnlySpan<byte> sql)
    {
        var position = 0;
        var kind = NextKeyword(sql, ref position);
        if (kind != "WITH")
        {
            return kind ?? Unknown;
        }

        // WITH name AS (…), … main statement: skip the parenthesised parts and look for the first top-level command.
        while (position < sql.Length)
        {
            if (!SkipSpaceAndComments(sql, ref position))
            {
                break;
            }

            var c = sql[position];
            if (c == (byte)'(')
            {
                SkipParenthesised(sql, ref position);
            }
            else if (IsLetter(c))
            {
                var word = NextKeyword(sql, ref position);
                if (word is not null && MainStatements.Contains(word))
                {
                    return word;
                }
            }
            else if (c is (byte)'"' or (byte)'\'')
            {
                SkipQuoted(sql, ref position, c);
            }
            else
            {
                position++;
            }
        }

        return kind;
    }

    /// <summary>The known command at <paramref name="position"/> (after spaces, comments and opening parentheses), or null.</summary>
    private static string? NextKeyword(ReadOnlySpan<byte> sql, ref int position)
    {
        while (SkipSpaceAndComments(sql, ref position) && sql[position] == (byte)'(')
        {
            position++;
        }

        Span<char> word = stackalloc char[MaxKeyword];
        var length = 0;
        while (position < sql.Length && (IsLetter(sql[position]) || sql[position] == (byte)'_' || char.IsAsciiDigit((char)sql[position])))
        {
            if (length < MaxKeyword)
            {
                word[length] = char.ToUpperInvariant((char)sql[position]);
            }

            length++;
            position++;
        }

        if (length is 0 or > MaxKeyword)
        {
            return null;
        }

        foreach (var command in Commands)
        {
            if (word[..length].SequenceEqual(command))
            {
                return command;
            }
        }

        return null;
    }

    /// <summary>Moves past whitespace and comments; false at the end of the text.</summary>
    private static bool SkipSpaceAndComments(ReadOnlySpan<byte> sql, ref int position)
    {
        while (position < sql.Length)
        {
            var c = sql[position];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f')
            {
                position++;
            }
            else if (c == (byte)'-' && position + 1 < sql.Length && sql[position + 1] == (byte)'-')
            {
                var end = sql[position..].IndexOf((byte)'\n');
                position = end < 0 ? sql.Length : position + end + 1;
            }
            else if (c == (byte)'/' && position + 1 < sql.Length && sql[position + 1] == (byte)'*')
            {
                var end = sql[(position + 2)..].IndexOf("*/"u8);
                position = end < 0 ? sql.Length : position + 2 + end + 2;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private static void SkipParenthesised(ReadOnlySpan<byte> sql, ref int position)
    {
        var depth = 0;
        while (position < sql.Length)
        {
            var c = sql[position];
            if (c is (byte)'"' or (byte)'\'')
            {
                SkipQuoted(sql, ref position, c);
                continue;
            }

            position++;
            if (c == (byte)'(')
            {
                depth++;
            }
            else if (c == (byte)')' && --depth == 0)
            {
                return;
            }
        }
    }

    private static void SkipQuoted(ReadOnlySpan<byte> sql, ref int position, byte quote)
    {
        var end = sql[(position + 1)..].IndexOf(quote);
        position = end < 0 ? sql.Length : position + 1 + end + 1;
    }

    private static bool IsLetter(byte c) => char.IsAsciiLetter((char)c);
}
