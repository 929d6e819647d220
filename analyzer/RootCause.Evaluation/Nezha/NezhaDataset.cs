namespace RootCause.Evaluation.Nezha;

/// <summary>
/// The copy of Nezha's rca_data (IntelligentDDS/Nezha @d814010, MIT) the shared datasets hold: one OB day and one
/// TT day. Figures are quoted on exactly these two days (datasets README).
/// </summary>
public sealed record NezhaDataset(string Root, IReadOnlyList<NezhaDay> Days)
{
    public static IReadOnlyList<string> DayNames { get; } = ["2022-08-22", "2023-01-29"];

    public const string DataFolder = "rca_data";

    /// <summary>Reads both days; <paramref name="root"/> may be the nezha folder or its rca_data folder.</summary>
    /// <exception cref="DatasetFormatException">A day folder or file is missing or malformed.</exception>
    public static NezhaDataset Load(string root)
    {
        var data = Directory.Exists(Path.Combine(root, DataFolder)) ? Path.Combine(root, DataFolder) : root;
        var days = new List<NezhaDay>();
        foreach (var name in DayNames)
        {
            var folder = Path.Combine(data, name);
            if (!Directory.Exists(folder))
            {
                throw new DatasetFormatException(folder, 0, "day folder not found");
            }

            days.Add(NezhaDay.Load(folder));
        }

        return new NezhaDataset(data, days);
    }
}
