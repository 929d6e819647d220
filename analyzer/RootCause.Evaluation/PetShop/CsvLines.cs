using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace RootCause.Evaluation.PetShop;

/// <summary>Reads a CSV file as raw records with the line each starts on; quoting follows RFC 4180.</summary>
internal static class CsvLines
{
    public static IReadOnlyList<(int Line, string[] Cells)> Read(string path)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetFormatException(path, 0, $"cannot read: {e.Message}");
        }

        return Parse(path, text);
    }

    public static IReadOnlyList<(int Line, string[] Cells)> Parse(string path, string text)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
            Mode = CsvMode.RFC4180,
            BadDataFound = args => throw new DatasetFormatException(path, args.Context.Parser?.RawRow ?? 0, $"malformed CSV field: {Shorten(args.Field)}"),
        };
        var rows = new List<(int, string[])>();
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        try
        {
            while (parser.Read())
            {
                rows.Add((parser.RawRow, parser.Record ?? []));
            }
        }
        catch (CsvHelperException e) when (e is not DatasetFormatException)
        {
            throw new DatasetFormatException(path, parser.RawRow, $"malformed CSV: {e.GetType().Name}");
        }

        return rows;
    }

    internal static string Shorten(string? s) => s is null ? "" : s.Length <= 40 ? s : s[..40] + "…";
}
