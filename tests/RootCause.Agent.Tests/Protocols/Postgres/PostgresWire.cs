using System.Buffers.Binary;
using System.Text;

namespace RootCause.Agent.Tests.Protocols.Postgres;

/// <summary>
/// PostgreSQL protocol bytes: sequences captured (strace) from psql and pgbench 15 against a PostgreSQL 15 server, and
/// builders for the messages the tests need beyond them.
/// </summary>
internal static class PostgresWire
{
    // psql -c "SELECT 1": SSLRequest, 'N', StartupMessage, the server's authentication and parameters up to
    // ReadyForQuery (cut to its first ParameterStatus), the query, its result, Terminate.
    public static readonly byte[] SslRequest = Wire.Hex("0000000804d2162f");
    public static readonly byte[] SslRefused = Wire.Hex("4e");
    public static readonly byte[] Startup = Wire.Hex(
        "0000003f000300007573657200706f73746772657300646174616261736500706f737467726573006170706c69636174696f6e5f6e616d65007073716c0000");
    public static readonly byte[] AuthenticatedAndReady = Wire.Hex(
        "520000000800000000530000001a6170706c69636174696f6e5f6e616d65007073716c004b0000000c00003fe950fd31bd5a0000000549");
    public static readonly byte[] QuerySelect1 = Wire.Hex("510000000d53454c454354203100");
    public static readonly byte[] ResultSelect1 = Wire.Hex(
        "540000002100013f636f6c756d6e3f00000000000000000000170004ffffffff0000440000000b00010000000131430000000d53454c4543542031005a0000000549");
    public static readonly byte[] Terminate = Wire.Hex("5800000004");

    // psql -c "SELECT * FROM no_such_table": ErrorResponse (42P01) and ReadyForQuery.
    public static readonly byte[] QueryNoSuchTable = Wire.Hex("510000002053454c454354202a2046524f4d206e6f5f737563685f7461626c6500");
    public static readonly byte[] ErrorNoSuchTable = Wire.Hex(
        "4500000070534552524f5200564552524f5200433432503031004d72656c6174696f6e20226e6f5f737563685f7461626c652220646f6573206e6f7420657869737400503135004670617273655f72656c6174696f6e2e63004c3133393200527061727365724f70656e5461626c6500005a0000000549");

    // pgbench -M prepared: Parse of statement P_0 and Sync; then Bind P_0, Describe, Execute, Sync for each run.
    public static readonly byte[] ParseP0AndSync = Wire.Hex(
        "5000000039505f300053454c45435420636f756e74282a292046524f4d2070675f636c617373205748455245206f6964203c203130303b0000005300000004");
    public static readonly byte[] ParseComplete = Wire.Hex("31000000045a0000000549");
    public static readonly byte[] BindP0ExecuteSync = Wire.Hex("420000001100505f3000000000000001000044000000065000450000000900000000005300000004");
    public static readonly byte[] BoundResult = Wire.Hex(
        "3200000004540000001e0001636f756e7400000000000000000000140008ffffffff0000440000000b00010000000130430000000d53454c4543542031005a0000000549");

    public static byte[] Message(char type, params byte[][] body)
    {
        var length = 4 + body.Sum(b => b.Length);
        var message = new byte[1 + length];
        message[0] = (byte)type;
        BinaryPrimitives.WriteInt32BigEndian(message.AsSpan(1), length);
        var at = 5;
        foreach (var part in body)
        {
            part.CopyTo(message, at);
            at += part.Length;
        }

        return message;
    }

    public static byte[] CString(string text) => [.. Encoding.UTF8.GetBytes(text), 0];

    public static byte[] Query(string sql) => Message('Q', CString(sql));

    public static byte[] Parse(string statement, string sql) => Message('P', CString(statement), CString(sql), [0, 0]);

    public static byte[] Bind(string statement) => Message('B', CString(string.Empty), CString(statement), [0, 0, 0, 0, 0, 0]);

    public static byte[] Describe() => Message('D', [(byte)'P', 0]);

    public static byte[] Execute() => Message('E', [0, 0, 0, 0, 0]);

    public static byte[] Sync() => Message('S');

    public static byte[] CloseStatement(string statement) => Message('C', [(byte)'S'], CString(statement));

    public static byte[] DataRow(string value) => Message('D', [0, 1], Int32(value.Length), Encoding.UTF8.GetBytes(value));

    public static byte[] CommandComplete(string tag) => Message('C', CString(tag));

    public static byte[] ReadyForQuery(char status = 'I') => Message('Z', [(byte)status]);

    public static byte[] Error(string code) => Message('E', CString("SERROR"), CString("C" + code), CString("Mfailed"), [0]);

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static byte[] Int32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}
