using System.Globalization;
using RootCause.Topology;

namespace RootCause.Server.Reports;

/// <summary>Formats metric values in the unit an SRE reads them in (ms rather than 0.0123 s, % rather than ratio).</summary>
internal static class ReportUnits
{
    public static string Format(string metric, double value)
    {
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        var unit = MetricCatalog.TryGet(metric, out var definition) ? definition.Unit : "";
        return unit switch
        {
            "s" when Math.Abs(value) < 1 => Number(value * 1000) + " ms",
            "s" => Number(value) + " s",
            "ratio" => Number(value * 100) + " %",
            "B" => Bytes(value),
            "B/s" => Bytes(value) + "/s",
            "s/s" => Number(value * 1000) + " ms/s",
            "" => Number(value),
            _ => Number(value) + " " + unit,
        };
    }

    public static string Number(double value)
    {
        var abs = Math.Abs(value);
        var format = abs switch
        {
            0 => "0",
            >= 100 => "0",
            >= 10 => "0.#",
            >= 1 => "0.##",
            _ => "0.###",
        };
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text == "0" && value != 0 ? value.ToString("G3", CultureInfo.InvariantCulture) : text;
    }

    private static string Bytes(double value)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var i = 0;
        while (Math.Abs(value) >= 1024 && i < units.Length - 1)
        {
            value /= 1024;
            i++;
        }

        return Number(value) + " " + units[i];
    }
}
