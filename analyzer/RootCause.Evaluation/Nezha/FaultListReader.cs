using System.Globalization;
using System.Text.Json;

namespace RootCause.Evaluation.Nezha;

/// <summary>
/// Reads &lt;day&gt;-fault_list.json: an object keyed by two-digit UTC hour, each holding an array of faults with
/// exactly inject_time, inject_timestamp, inject_pod and inject_type. Every rule broken is a
/// <see cref="DatasetFormatException"/> naming file:line.
/// </summary>
/// <remarks>
/// When the fault began: inject_time, which matches the metrics' Time strings. On 2023-01-29, 24 of 28
/// inject_timestamp values are about 8 h off (a time-zone slip), and they are ignored. One 2022-08-22 entry
/// (07:10:43, recommendationservice) has inject_timestamp 60 s earlier, and the pod's CPU already rises in the
/// minute before inject_time: an inject_timestamp earlier than inject_time by at most
/// <see cref="EarlierTimestampTolerance"/> is taken as the start.
/// </remarks>
internal static class FaultListReader
{
    /// <summary>How much earlier than inject_time an inject_timestamp may be and still be believed; offsets of hours are time-zone slips.</summary>
    public static readonly TimeSpan EarlierTimestampTolerance = TimeSpan.FromMinutes(5);

    private static readonly string[] Fields = ["inject_time", "inject_timestamp", "inject_pod", "inject_type"];

    public static IReadOnlyList<NezhaFault> Read(string path) => Parse(path, LinedJson.Parse(path));

    internal static IReadOnlyList<NezhaFault> Parse(string path, LinedJson root)
    {
        root.RequireKind(path, JsonValueKind.Object, "an object keyed by hour");
        var faults = new List<NezhaFault>();
        foreach (var (hour, entries) in root.Members)
        {
            if (hour.Length != 2 || !int.TryParse(hour, NumberStyles.None, CultureInfo.InvariantCulture, out var h) || h > 23)
            {
                throw new DatasetFormatException(path, entries.Line, $"key \"{CsvRecords.Shorten(hour)}\" is not a two-digit hour 00-23");
            }

            entries.RequireKind(path, JsonValueKind.Array, $"an array of faults under \"{hour}\"");
            foreach (var entry in entries.Items)
            {
                faults.Add(Fault(path, entry, h));
            }
        }

        faults.Sort((a, b) => a.At.CompareTo(b.At));
        for (var i = 1; i < faults.Count; i++)
        {
            if (faults[i].At == faults[i - 1].At)
            {
                throw new DatasetFormatException(path, faults[i].Line, $"a second fault at {faults[i].At:yyyy-MM-dd HH:mm:ss} (the first is on line {faults[i - 1].Line})");
            }
        }

        return faults;
    }

    private static NezhaFault Fault(string path, LinedJson entry, int hour)
    {
        entry.RequireKind(path, JsonValueKind.Object, "a fault object");
        foreach (var (name, value) in entry.Members)
        {
            if (!Fields.Contains(name, StringComparer.Ordinal))
            {
                throw new DatasetFormatException(path, value.Line, $"unknown member \"{CsvRecords.Shorten(name)}\"; a fault has {string.Join(", ", Fields)}");
            }
        }

        var timeNode = entry.Member(path, "inject_time");
        var time = timeNode.AsString(path);
        if (!NezhaTime.TryParseFaultTime(time, out var injectTime))
        {
            throw new DatasetFormatException(path, timeNode.Line, $"inject_time '{CsvRecords.Shorten(time)}' is not \"yyyy-MM-dd HH:mm:ss\"");
        }

        if (injectTime.Hour != hour)
        {
            throw new DatasetFormatException(path, timeNode.Line, $"inject_time {time} is not in hour {hour:00}, which it is listed under");
        }

        var stampNode = entry.Member(path, "inject_timestamp");
        var stamp = Timestamp(path, stampNode);
        var podNode = entry.Member(path, "inject_pod");
        var pod = podNode.AsString(path);
        var service = PodNames.ServiceOf(pod)
            ?? throw new DatasetFormatException(path, podNode.Line, $"inject_pod '{CsvRecords.Shorten(pod)}' is not a pod name (<service>-<hash>-<hash>)");
        var typeNode = entry.Member(path, "inject_type");
        var type = typeNode.AsString(path);
        if (type.Length == 0 || !type.All(c => char.IsAsciiLetterLower(c) || c == '_'))
        {
            throw new DatasetFormatException(path, typeNode.Line, $"inject_type '{CsvRecords.Shorten(type)}' is not a fault type such as cpu_contention");
        }

        var stampTime = DateTimeOffset.FromUnixTimeSeconds(stamp);
        var at = stampTime < injectTime && injectTime - stampTime <= EarlierTimestampTolerance ? stampTime : injectTime;
        return new NezhaFault(at, time, stamp, pod, service, type, entry.Line);
    }

    /// <summary>inject_timestamp: unix seconds, written as a string of digits (or a whole number).</summary>
    private static long Timestamp(string path, LinedJson node)
    {
        var text = node.Kind == JsonValueKind.Number ? node.Number.ToString("R", CultureInfo.InvariantCulture) : node.AsString(path);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 32503680000)
        {
            throw new DatasetFormatException(path, node.Line, $"inject_timestamp '{CsvRecords.Shorten(text)}' is not unix seconds");
        }

        return seconds;
    }
}
