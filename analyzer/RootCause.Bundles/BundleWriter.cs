using System.IO.Compression;
using System.Text.Json;
using RootCause.Contracts;

namespace RootCause.Bundles;

/// <summary>Writes incident bundles: validated first, gzip when the path ends in ".gz", replaced atomically.</summary>
public static class BundleWriter
{
    /// <summary>Writes <paramref name="bundle"/> to <paramref name="path"/>; a reader never sees a half-written file.</summary>
    /// <exception cref="BundleFormatException">The bundle would not read back (e.g. a NaN or a short histogram).</exception>
    public static void Write(IncidentBundle bundle, string path)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentException.ThrowIfNullOrEmpty(path);
        BundleValidator.Validate(bundle);
        var temp = path + ".tmp";
        try
        {
            using (var file = File.Create(temp))
            {
                WriteValidated(bundle, file, BundleReader.IsGzipPath(path));
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Writes <paramref name="bundle"/> as JSON (gzip-compressed when <paramref name="gzip"/>) to a stream.</summary>
    public static void Write(IncidentBundle bundle, Stream stream, bool gzip)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(stream);
        BundleValidator.Validate(bundle);
        WriteValidated(bundle, stream, gzip);
    }

    /// <summary>The bundle as UTF-8 JSON bytes.</summary>
    public static byte[] ToUtf8Json(IncidentBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        BundleValidator.Validate(bundle);
        return JsonSerializer.SerializeToUtf8Bytes(bundle, WireJson.Options);
    }

    private static void WriteValidated(IncidentBundle bundle, Stream stream, bool gzip)
    {
        if (gzip)
        {
            using var zip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
            JsonSerializer.Serialize(zip, bundle, WireJson.Options);
        }
        else
        {
            JsonSerializer.Serialize(stream, bundle, WireJson.Options);
        }
    }
}
