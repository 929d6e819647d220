using System.Text;

namespace RootCause.Evaluation;

/// <summary>Reads a dataset file as strict UTF-8: an invalid byte is an error naming its line, never a silent U+FFFD.</summary>
internal static class StrictText
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(string path) => Decode(path, ReadBytes(path));

    /// <summary>The file's bytes; a file that cannot be read is a <see cref="DatasetFormatException"/> naming it.</summary>
    public static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetFormatException(path, 0, $"cannot read: {e.Message}");
        }
    }

    public static string Decode(string path, byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return Utf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            throw new DatasetFormatException(path, FirstBadLine(bytes, start), "not valid UTF-8");
        }
    }

    private static int FirstBadLine(byte[] bytes, int start)
    {
        var line = 1;
        var lineStart = start;
        for (var i = start; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != (byte)'\n')
            {
                continue;
            }

            try
            {
                Utf8.GetString(bytes, lineStart, i - lineStart);
            }
            catch (DecoderFallbackException)
            {
                return line;
            }

            line++;
            lineStart = i + 1;
        }

        return 0;
    }
}
