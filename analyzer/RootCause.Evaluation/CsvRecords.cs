using System.Globalization;
using CsvHelper;

namespace RootCause.Evaluation;

/// <summary>Reads an untrusted CSV file as raw records with the line each starts on; RFC 4180 quoting, bad quoting is a <see cref="DatasetFormatException"/>.</summary>
public static class CsvRecords
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        Mode = CsvMode.Rfc4180,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        DetectSeparatorHint = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        // Ragged rows are reported by the readers, which know what width to expect and can say so.
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        FormatProvider = CultureInfo.InvariantCulture,
        MaxRecordSize = 16 * 1024 * 1024,
    };

    public static IReadOnlyList<(int Line, string[] Cells)> Read(string path) => Parse(path, StrictText.Read(path));

    public static IReadOnlyList<(int Line, string[] Cells)> Parse(string path, string text)
    {
        var rows = new List<(int, string[])>();
        try
        {
            using var reader = CsvReader.FromText(text, Options);
            while (reader.Read())
            {
                rows.Add(((int)reader.LineNumber, reader.Current.ToArray()));
            }
        }
        catch (CsvFormatException e)
        {
            throw new DatasetFormatException(path, (int)e.LineNumber, $"malformed CSV: {e.Message}");
        }

        return rows;
    }

    internal static string Shorten(string? s) => s is null ? "" : s.Length <= 40 ? s : s[..40] + "…";
}
