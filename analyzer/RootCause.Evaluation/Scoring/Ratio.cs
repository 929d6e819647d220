using System.Globalization;

namespace RootCause.Evaluation.Scoring;

/// <summary>An exact fraction such as 4/7, kept as counts so that tables can show both forms.</summary>
public readonly record struct Ratio(int Hits, int Total)
{
    public double Value => Total == 0 ? double.NaN : (double)Hits / Total;

    public static Ratio Of<T>(IEnumerable<T> items, Func<T, bool> hit)
    {
        int hits = 0, total = 0;
        foreach (var item in items)
        {
            total++;
            if (hit(item))
            {
                hits++;
            }
        }

        return new Ratio(hits, total);
    }

    public override string ToString() => Total == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{Hits}/{Total} = {Value:0.000}");
}
