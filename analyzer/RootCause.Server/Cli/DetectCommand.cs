using System.CommandLine;
using System.Globalization;
using System.Text;
using RootCause.Analysis.Detection.Streaming;

namespace RootCause.Server.Cli;

/// <summary>
/// `rootcause detect --csv FILE --time COLUMN --value COLUMN [--out FILE]`: streams any time-series CSV through
/// the anomaly detector and writes <c>timestamp,value,anomaly_score,is_anomaly</c>, one row per input row.
/// </summary>
internal static class DetectCommand
{
    public static Command Create()
    {
        var csv = new Option<string>("--csv") { Description = "Input CSV with a header row", Required = true };
        var time = new Option<string>("--time") { Description = "Name of the timestamp column (copied as is)", Required = true };
        var value = new Option<string>("--value") { Description = "Name of the numeric column to score", Required = true };
        var output = new Option<string?>("--out") { Description = "Output CSV (default: standard output)" };
        var command = new Command("detect", "Score every row of a time-series CSV with the streaming anomaly detector") { csv, time, value, output };
        command.SetAction((parseResult, ct) => RunAsync(
            parseResult.GetValue(csv)!,
            parseResult.GetValue(time)!,
            parseResult.GetValue(value)!,
            parseResult.GetValue(output),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(string input, string timeColumn, string valueColumn, string? output, CancellationToken ct)
    {
        // Into a temporary file first: a bad row half-way leaves no half-written output behind.
        var temporary = output is null ? null : output + ".partial";
        try
        {
            using var reader = new StreamReader(input, Encoding.UTF8);
            await using var writer = temporary is null ? Console.Out : new StreamWriter(temporary, false, new UTF8Encoding(false));
            var rows = await ScoreAsync(reader, input, timeColumn, valueColumn, writer, ct).ConfigureAwait(false);
            await writer.FlushAsync(ct).ConfigureAwait(false);
            if (temporary is not null)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
                File.Move(temporary, output!, overwrite: true);
                await Console.Error.WriteLineAsync($"{rows} rows scored into {output}").ConfigureAwait(false);
            }

            return 0;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            if (temporary is not null && File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            await Console.Error.WriteLineAsync($"rootcause detect: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>Reads rows, scores them in order and writes them as they come; returns the row count.</summary>
    internal static async Task<int> ScoreAsync(TextReader reader, string source, string timeColumn, string valueColumn, TextWriter writer, CancellationToken ct)
    {
        var header = await reader.ReadLineAsync(ct).ConfigureAwait(false) ?? throw new FormatException($"{source}:1: empty file, expected a header row");
        var names = Split(header, source, 1);
        var timeIndex = names.IndexOf(timeColumn);
        var valueIndex = names.IndexOf(valueColumn);
        if (timeIndex < 0 || valueIndex < 0)
        {
            throw new FormatException($"{source}:1: header has no column \"{(timeIndex < 0 ? timeColumn : valueColumn)}\" (columns: {string.Join(", ", names)})");
        }

        await writer.WriteLineAsync("timestamp,value,anomaly_score,is_anomaly".AsMemory(), ct).ConfigureAwait(false);
        var detector = new StreamingDetector();
        var lineNumber = 1;
        var rows = 0;
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = Split(line, source, lineNumber);
            if (fields.Count != names.Count)
            {
                throw new FormatException($"{source}:{lineNumber}: {fields.Count} fields, the header has {names.Count}");
            }

            var text = fields[valueIndex].Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new FormatException($"{source}:{lineNumber}: \"{text}\" in column {valueColumn} is not a finite number");
            }

            var score = detector.Update(value);
            var flag = score >= StreamingDetectorOptions.DefaultThreshold ? "1" : "0";
            var row = string.Create(CultureInfo.InvariantCulture, $"{Quote(fields[timeIndex])},{value:R},{score:0.######},{flag}");
            await writer.WriteLineAsync(row.AsMemory(), ct).ConfigureAwait(false);
            rows++;
        }

        return rows;
    }

    /// <summary>Splits one CSV line (RFC 4180 quoting within a line; fields spanning lines are not supported).</summary>
    private static List<string> Split(string line, string source, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException($"{source}:{lineNumber}: unterminated quoted field");
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
