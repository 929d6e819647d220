namespace RootCause.Lab;

/// <summary>The last lines of a member's log, for error messages that say why a server did not come up.</summary>
internal static class LogTail
{
    public const int DefaultLines = 15;

    /// <summary>Reads at most the last 64 KB; "(no log)" when the file is missing or empty.</summary>
    public static string Read(string path, int lines = DefaultLines)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            const int window = 64 * 1024;
            stream.Seek(Math.Max(0, stream.Length - window), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var tail = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines).ToArray();
            return tail.Length == 0 ? "(no log)" : string.Join(Environment.NewLine, tail.Select(l => "  | " + l.TrimEnd('\r')));
        }
        catch (IOException)
        {
            return "(no log)";
        }
        catch (UnauthorizedAccessException)
        {
            return "(log unreadable)";
        }
    }
}
