using System.Globalization;
using System.Text;

namespace RootCause.Evaluation.Nezha;

/// <summary>The summary of a Nezha run: per system, a row per fault type (in order of first injection) and one over all its faults.</summary>
public static class NezhaScoreTable
{
    public const string AllTypes = "all";

    public static IReadOnlyList<NezhaScoreRow> Build(IReadOnlyList<NezhaFaultOutcome> outcomes)
    {
        var rows = new List<NezhaScoreRow>();
        foreach (var system in outcomes.Select(o => o.System).Distinct(StringComparer.Ordinal))
        {
            var ofSystem = outcomes.Where(o => o.System == system).OrderBy(o => o.Fault.At).ToArray();
            foreach (var type in ofSystem.Select(o => o.Fault.Type).Distinct(StringComparer.Ordinal))
            {
                rows.Add(Row(system, type, ofSystem.Where(o => o.Fault.Type == type)));
            }

            rows.Add(Row(system, AllTypes, ofSystem));
        }

        return rows;
    }

    private static NezhaScoreRow Row(string system, string type, IEnumerable<NezhaFaultOutcome> outcomes)
    {
        var list = outcomes.ToList();
        return new NezhaScoreRow(system, type, AccuracyAtK.Of(list.Select(o => o.Rank)), AccuracyAtK.Of(list.Select(o => o.TrivialRank)));
    }

    public static string ToText(IReadOnlyList<NezhaScoreRow> rows)
    {
        const string Format = "{0,-6} {1,-15} {2,3}   {3,6} {4,6} {5,6} {6,6}   {7,6} {8,6} {9,6} {10,6}";
        string Line(params object[] cells) => string.Format(CultureInfo.InvariantCulture, Format, cells).TrimEnd();
        var sb = new StringBuilder();
        sb.AppendLine(Line("", "", "", "ours", "", "", "", "trivial", "", "", ""));
        var header = Line("system", "fault type", "n", "AC@1", "AC@3", "AC@5", "Avg@5", "AC@1", "AC@3", "AC@5", "Avg@5");
        sb.AppendLine(header);
        sb.AppendLine(new string('-', header.Length));
        foreach (var r in rows)
        {
            sb.AppendLine(Line(
                r.System,
                r.FaultType,
                r.Faults,
                Figure(r.Ours.Ac1),
                Figure(r.Ours.Ac3),
                Figure(r.Ours.Ac5),
                Figure(r.Ours.Avg5),
                Figure(r.Trivial.Ac1),
                Figure(r.Trivial.Ac3),
                Figure(r.Trivial.Ac5),
                Figure(r.Trivial.Avg5)));
            if (r.FaultType == AllTypes)
            {
                sb.AppendLine();
            }
        }

        return sb.ToString();
    }

    private static string Figure(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
