using System.Buffers;
using System.Buffers.Text;

namespace RootCause.Agent.Http;

/// <summary>HTTP/1.x start lines and the few headers that frame a message (RFC 9112), on raw bytes.</summary>
internal static class HttpSyntax
{
    private static readonly SearchValues<byte> TokenBytes =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private static readonly byte[][] KnownMethods =
    [
        "GET "u8.ToArray(), "POST "u8.ToArray(), "PUT "u8.ToArray(), "HEAD "u8.ToArray(), "DELETE "u8.ToArray(),
        "PATCH "u8.ToArray(), "OPTIONS "u8.ToArray(), "CONNECT "u8.ToArray(), "TRACE "u8.ToArray(),
    ];

    /// <summary>Whether bytes at an event boundary can start a message: used to find the stream again.</summary>
    public static bool LooksLikeMessageStart(ReadOnlySpan<byte> bytes, bool requests)
    {
        if (!requests)
        {
            return bytes.StartsWith("HTTP/1."u8);
        }

        foreach (var method in KnownMethods)
        {
            if (bytes.StartsWith(method))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"METHOD SP request-target SP HTTP/1.x".</summary>
    public static bool TryParseRequestLine(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> method, out ReadOnlySpan<byte> target)
    {
        method = default;
        target = default;
        var first = line.IndexOf((byte)' ');
        if (first <= 0 || first > 24)
        {
            return false;
        }

        method = line[..first];
        if (method.IndexOfAnyExcept(TokenBytes) >= 0)
        {
            return false;
        }

        var rest = line[(first + 1)..];
        var second = rest.LastIndexOf((byte)' ');
        if (second <= 0)
        {
            return false;
        }

        target = rest[..second];
        var version = rest[(second + 1)..];
        return IsVersion(version) && target.IndexOfAny((byte)' ', (byte)'\t') < 0 && target.IndexOfAnyInRange((byte)0, (byte)31) < 0;
    }

    /// <summary>"HTTP/1.x SP 3DIGIT [SP reason]".</summary>
    public static bool TryParseStatusLine(ReadOnlySpan<byte> line, out int status)
    {
        status = 0;
        if (line.Length < 12 || !IsVersion(line[..8]) || line[8] != (byte)' ')
        {
            return false;
        }

        var code = line.Slice(9, 3);
        if (!Utf8Parser.TryParse(code, out status, out var consumed) || consumed != 3 || status < 100 || status > 999)
        {
            return false;
        }

        return line.Length == 12 || line[12] == (byte)' ';
    }

    public static bool TryParseHeader(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        var colon = line.IndexOf((byte)':');
        name = colon > 0 ? line[..colon] : default;
        if (colon <= 0 || name.IndexOfAnyExcept(TokenBytes) >= 0)
        {
            return false;
        }

        value = line[(colon + 1)..].Trim(" \t"u8);
        return true;
    }

    public static bool TryParseContentLength(ReadOnlySpan<byte> value, out long length)
    {
        length = -1;
        return value.Length is > 0 and <= 18 && value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0 &&
            Utf8Parser.TryParse(value, out length, out var consumed) && consumed == value.Length;
    }

    /// <summary>Chunk size line: hex digits, optional extensions after ';'.</summary>
    public static bool TryParseChunkSize(ReadOnlySpan<byte> line, out long size)
    {
        size = 0;
        var semicolon = line.IndexOf((byte)';');
        var digits = (semicolon >= 0 ? line[..semicolon] : line).Trim(" \t"u8);
        if (digits.Length is 0 or > 15)
        {
            return false;
        }

        foreach (var b in digits)
        {
            var nibble = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (nibble < 0)
            {
                return false;
            }

            size = (size << 4) | (long)nibble;
        }

        return true;
    }

    public static bool IsChunked(ReadOnlySpan<byte> transferEncoding)
    {
        // Chunked must be the final coding; "gzip, chunked" is chunked, "chunked, gzip" is not valid.
        var last = transferEncoding.LastIndexOf((byte)',');
        var final = (last >= 0 ? transferEncoding[(last + 1)..] : transferEncoding).Trim(" \t"u8);
        return final.EqualsIgnoreCaseAscii("chunked"u8);
    }

    private static bool IsVersion(ReadOnlySpan<byte> version) =>
        version.SequenceEqual("HTTP/1.1"u8) || version.SequenceEqual("HTTP/1.0"u8);
}
