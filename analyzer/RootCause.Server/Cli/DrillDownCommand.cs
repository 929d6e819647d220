using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using RootCause.Analysis.DrillDown;
using RootCause.Contracts;

namespace RootCause.Server.Cli;

/// <summary>
/// `rootcause drilldown --csv FILE --dims a,b,c --real COLUMN --forecast COLUMN [--real-denominator COLUMN
/// --forecast-denominator COLUMN] [--json]`: the drill-down engine on any leaf table, so users can run it on
/// their own cubes. With denominators the KPI is the ratio numerator/denominator.
/// </summary>
internal static class DrillDownCommand
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Command Create()
    {
        var csv = new Option<string>("--csv") { Description = "Leaf table: UTF-8 CSV with a header, one row per leaf", Required = true };
        var dims = new Option<string>("--dims") { Description = "Dimension columns, comma-separated (e.g. node,operation,caller)", Required = true };
        var real = new Option<string>("--real") { Description = "Column of the real value (the numerator for a ratio KPI)", Required = true };
        var forecast = new Option<string>("--forecast") { Description = "Column of the forecast value (the numerator for a ratio KPI)", Required = true };
        var realDenominator = new Option<string?>("--real-denominator") { Description = "Column of the real denominator: makes the KPI a ratio" };
        var forecastDenominator = new Option<string?>("--forecast-denominator") { Description = "Column of the forecast denominator" };
        var json = new Option<bool>("--json") { Description = "Print {\"root_causes\": [{\"dims\": {...}, \"score\": s}, ...]}, most likely first" };
        var command = new Command("drilldown", "Find the dimension-value combinations that explain a KPI's deviation in a leaf table")
        {
            csv, dims, real, forecast, realDenominator, forecastDenominator, json,
        };
        command.SetAction((parseResult, ct) => Task.FromResult(Run(
            parseResult.GetValue(csv)!,
            parseResult.GetValue(dims)!,
            parseResult.GetValue(real)!,
            parseResult.GetValue(forecast)!,
            parseResult.GetValue(realDenominator),
            parseResult.GetValue(forecastDenominator),
            parseResult.GetValue(json),
            Console.Out,
            Console.Error)));
        return command;
    }

    internal static int Run(string csv, string dims, string real, string forecast, string? realDenominator, string? forecastDenominator, bool json, TextWriter output, TextWriter error)
    {
        var dimensions = dims.Split(',', StringSplitOptions.TrimEntries).ToList();
        if (dimensions.Count == 0 || dimensions.Any(d => d.Length == 0) || dimensions.Distinct(StringComparer.Ordinal).Count() != dimensions.Count)
        {
            error.WriteLine($"rootcause drilldown: --dims \"{dims}\" must name distinct, non-empty columns");
            return 2;
        }

        List<CubeLeaf> leaves;
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(csv));
            leaves = LeafTableReader.Parse(csv, text, dimensions, real, forecast, realDenominator, forecastDenominator);
        }
        catch (DecoderFallbackException)
        {
            error.WriteLine($"rootcause drilldown: {csv}: not valid UTF-8");
            return 1;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"rootcause drilldown: {e.Message}");
            return 1;
        }

        var findings = DrillDownEngine.Localise(leaves, dimensions);
        output.Write(json ? Json(findings) : Text(findings, dimensions));
        return 0;
    }

    internal static string Json(IReadOnlyList<DrillDownFinding> findings)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("root_causes");
            foreach (var finding in findings)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("dims");
                foreach (var (name, value) in finding.Dimensions)
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
                writer.WriteNumber("score", finding.Score);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string Text(IReadOnlyList<DrillDownFinding> findings, IReadOnlyList<string> dimensions)
    {
        if (findings.Count == 0)
        {
            return "none: no combination of " + string.Join(", ", dimensions) + " stands out\n";
        }

        var sb = new StringBuilder();
        sb.AppendLine("score\treal\texpected\troot cause");
        foreach (var f in findings)
        {
            var what = string.Join(" & ", dimensions.Where(f.Dimensions.ContainsKey).Select(d => $"{d}={f.Dimensions[d]}"));
            sb.AppendLine(CultureInfo.InvariantCulture, $"{f.Score:F3}\t{f.Real:G6}\t{f.Expected:G6}\t{what}");
        }

        return sb.ToString();
    }
}
