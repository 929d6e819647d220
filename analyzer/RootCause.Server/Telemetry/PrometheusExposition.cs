using System.Globalization;
using System.Text;
using RootCause.Contracts;

namespace RootCause.Server.Telemetry;

/// <summary>
/// Writes the golden metrics in the Prometheus text exposition format 0.0.4, named after the OpenTelemetry
/// HTTP semantic conventions as Prometheus spells them (dots to underscores, unit suffix, <c>_total</c> on counters).
/// </summary>
/// <remarks>
/// The error split is a counter beside the histogram, not a label on it: the wire contract measures one latency
/// histogram per (service, operation, instance, peer) with the failed requests counted beside it, so a histogram
/// split by status would need latencies nobody measured. A rule computes the error ratio exactly as
/// <c>rate(..._errors_total) / rate(..._duration_seconds_count)</c> over the same labels.
/// </remarks>
internal static class PrometheusExposition
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public const string ServerDuration = "http_server_request_duration_seconds";
    public const string ServerErrors = "http_server_request_errors_total";
    public const string ClientDuration = "http_client_request_duration_seconds";
    public const string ClientErrors = "http_client_request_errors_total";
    public const string SeriesHeld = "rootcause_metrics_series";
    public const string SamplesRefused = "rootcause_metrics_refused_samples_total";

    private static readonly string[] ServerLabels = ["service", "instance", "http_route", "caller"];
    private static readonly string[] ClientLabels = ["service", "instance", "http_route", "peer_service"];

    private static readonly string[] BucketBounds = LatencyBuckets.UpperBounds.Select(FormatNumber).ToArray();

    public static async Task WriteAsync(TextWriter writer, GoldenMetricsSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = new StringBuilder();
        await WriteFamilyAsync(writer, text, ServerDuration, ServerErrors, ServerLabels, snapshot.Server, "server", "caller", cancellationToken).ConfigureAwait(false);
        await WriteFamilyAsync(writer, text, ClientDuration, ClientErrors, ClientLabels, snapshot.Client, "client", "callee", cancellationToken).ConfigureAwait(false);

        Help(text, SeriesHeld, "gauge", "Golden-metric series held for this endpoint (server and client label sets).");
        text.Append(SeriesHeld).Append(' ').Append(snapshot.Series.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Help(text, SamplesRefused, "counter", "Golden samples of new series refused because the series or label-size limit was reached.");
        text.Append(SamplesRefused).Append(' ').Append(snapshot.RefusedSamples.ToString(CultureInfo.InvariantCulture)).Append('\n');
        await writer.WriteAsync(text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A label value as the format wants it between its quotes: backslash, double quote and line feed escaped.</summary>
    public static string EscapeLabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny('\\', '"', '\n') < 0)
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => escaped.Append(@"\\"),
                '"' => escaped.Append("\\\""),
                '\n' => escaped.Append(@"\n"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    /// <summary>A sample value: Go's float syntax, with +Inf, -Inf and NaN spelled as Prometheus spells them.</summary>
    public static string FormatNumber(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static async Task WriteFamilyAsync(
        TextWriter writer,
        StringBuilder text,
        string duration,
        string errors,
        string[] labelNames,
        IReadOnlyList<GoldenSeriesValues> series,
        string side,
        string peer,
        CancellationToken cancellationToken)
    {
        // One series at a time through the writer: a large exposition is streamed, never built whole.
        Help(text, duration, "histogram", $"Duration of HTTP {side} requests as RootCause's agents measured them, by service, instance, operation (http_route) and {peer}.");
        foreach (var s in series)
        {
            var labels = Labels(labelNames, s.Key);
            for (var i = 0; i < s.CumulativeBuckets.Count; i++)
            {
                text.Append(duration).Append("_bucket{").Append(labels).Append(",le=\"").Append(BucketBounds[i]).Append("\"} ")
                    .Append(s.CumulativeBuckets[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            text.Append(duration).Append("_sum{").Append(labels).Append("} ").Append(FormatNumber(s.SumSeconds)).Append('\n');
            text.Append(duration).Append("_count{").Append(labels).Append("} ").Append(s.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            await FlushAsync(writer, text, cancellationToken).ConfigureAwait(false);
        }

        Help(text, errors, "counter", $"HTTP {side} requests that failed (5xx, connection resets, protocol errors); divide by {duration}_count for the error ratio.");
        foreach (var s in series)
        {
            text.Append(errors).Append('{').Append(Labels(labelNames, s.Key)).Append("} ").Append(s.Errors.ToString(CultureInfo.InvariantCulture)).Append('\n');
            await FlushAsync(writer, text, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Labels(string[] names, GoldenSeriesKey key)
    {
        string[] values = [key.Service, key.Instance, key.Route, key.Peer];
        var labels = new StringBuilder();
        for (var i = 0; i < names.Length; i++)
        {
            if (i > 0)
            {
                labels.Append(',');
            }

            labels.Append(names[i]).Append("=\"").Append(EscapeLabelValue(values[i])).Append('"');
        }

        return labels.ToString();
    }

    private static void Help(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal)).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static async Task FlushAsync(TextWriter writer, StringBuilder text, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        text.Clear();
    }
}
