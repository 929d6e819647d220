using System.IO.Compression;
using System.Text.Json;
using RootCause.Contracts;

namespace RootCause.Bundles;

/// <summary>
/// Reads incident bundles strictly. Every file is treated as hostile: size and depth are capped, the
/// version is checked before anything else is trusted, and any problem becomes a
/// <see cref="BundleFormatException"/> that names the JSON path (and line when the parser knows it).
/// Either a whole valid bundle comes back or nothing does.
/// </summary>
public static class BundleReader
{
    /// <summary>Default cap on the (decompressed) JSON size; a 1,000-service, 100-interval bundle is well below it.</summary>
    public const long DefaultMaxBytes = 1L << 30;

    private static readonly JsonReaderOptions ScanOptions = new()
    {
        MaxDepth = WireJson.MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Reads a bundle file; gzip-compressed when the path ends in ".gz".</summary>
    public static IncidentBundle Read(string path, long maxBytes = DefaultMaxBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FileStream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BundleFormatException($"cannot open bundle {path}: {e.Message}", e);
        }

        using (file)
        {
            return Read(file, IsGzipPath(path), maxBytes);
        }
    }

    /// <summary>Reads a bundle from a stream (gzip-compressed when <paramref name="gzip"/>).</summary>
    public static IncidentBundle Read(Stream stream, bool gzip, long maxBytes = DefaultMaxBytes) =>
        Parse(ReadBounded(stream, gzip, maxBytes));

    /// <summary>Parses and validates a bundle from UTF-8 JSON.</summary>
    public static IncidentBundle Parse(ReadOnlySpan<byte> utf8Json)
    {
        CheckHeader(utf8Json);
        var bundle = Deserialize<IncidentBundle>(utf8Json, "bundle");
        BundleValidator.Validate(bundle);
        return bundle;
    }

    /// <summary>
    /// Parses and validates a JSON array of <see cref="MetricBatch"/> in the bundle wire format (the body of
    /// the batch-ingest API), with the same checks as the batches inside a bundle.
    /// </summary>
    public static IReadOnlyList<MetricBatch> ParseBatches(ReadOnlySpan<byte> utf8Json)
    {
        var batches = Deserialize<List<MetricBatch>>(utf8Json, "batch array");
        BundleValidator.ValidateBatches(batches);
        return batches;
    }

    internal static bool IsGzipPath(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    private static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, string what)
        where T : class
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(utf8Json, WireJson.Options);
        }
        catch (JsonException e)
        {
            throw FromJson(e);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            throw new BundleFormatException($"invalid {what}: {e.Message}", e);
        }

        return value ?? throw new BundleFormatException($"$: the {what} is null", "$", 1);
    }

    /// <summary>Finds "format" and "version" among the top-level properties before the full parse trusts anything.</summary>
    private static void CheckHeader(ReadOnlySpan<byte> utf8Json)
    {
        string? format = null;
        long? version = null;
        if (utf8Json.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            throw new BundleFormatException("$: the file is empty", "$", 1);
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json, ScanOptions);
            if (!reader.Read())
            {
                throw new BundleFormatException("$: the file is empty", "$", 1);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new BundleFormatException($"$: a bundle is a JSON object, found {reader.TokenType}", "$", 1);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("format"u8))
                {
                    reader.Read();
                    format = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    if (format is null)
                    {
                        throw BundleValidator.Fail("$.format", $"must be the string \"{IncidentBundle.FormatId}\"");
                    }
                }
                else if (reader.ValueTextEquals("version"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var v))
                    {
                        throw BundleValidator.Fail("$.version", "must be an integer");
                    }

                    version = v;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // Reading on to the end proves the document is complete before it is deserialised.
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            throw FromJson(e);
        }

        if (format is null)
        {
            throw BundleValidator.Fail("$.format", $"missing; expected \"{IncidentBundle.FormatId}\"");
        }

        if (!string.Equals(format, IncidentBundle.FormatId, StringComparison.Ordinal))
        {
            throw BundleValidator.Fail("$.format", $"expected \"{IncidentBundle.FormatId}\", found \"{Shorten(format)}\"");
        }

        if (version is null)
        {
            throw BundleValidator.Fail("$.version", "missing");
        }

        if (version != IncidentBundle.CurrentVersion)
        {
            throw BundleValidator.UnsupportedVersion(version.Value);
        }
    }

    private static BundleFormatException FromJson(JsonException e)
    {
        // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …" (0-based); say it once, 1-based.
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        if (cut >= 0)
        {
            message = message[..cut];
        }

        var path = e.Path ?? "$";
        var line = e.LineNumber is { } l ? l + 1 : (long?)null;
        var where = line is null ? path : $"{path} (line {line}, byte {(e.BytePositionInLine ?? 0) + 1})";
        return new BundleFormatException($"{where}: {message.Trim()}", path, line, e);
    }

    private static byte[] ReadBounded(Stream stream, bool gzip, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var source = gzip ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : stream;
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = source.Read(chunk, 0, chunk.Length)) > 0)
            {
                total += n;
                CheckSize(total, maxBytes, gzip);
                buffer.Write(chunk, 0, n);
            }

            return Finish(buffer, gzip);
        }
        catch (InvalidDataException e)
        {
            throw new BundleFormatException($"not a valid gzip stream: {e.Message}", e);
        }
        finally
        {
            if (gzip)
            {
                source.Dispose();
            }
        }
    }

    private static void CheckSize(long total, long maxBytes, bool gzip)
    {
        if (total > maxBytes)
        {
            throw new BundleFormatException($"the bundle is larger than the {maxBytes:N0}-byte limit{(gzip ? " once decompressed" : "")}");
        }
    }

    private static byte[] Finish(MemoryStream buffer, bool gzip)
    {
        var bytes = buffer.ToArray();
        if (!gzip && bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            throw new BundleFormatException("the file is gzip-compressed but its name does not end in .gz");
        }

        return bytes;
    }

    private static string Shorten(string s) => s.Length <= 64 ? s : s[..64] + "…";
}
