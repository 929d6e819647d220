namespace RootCause.Analysis.Ranking;

/// <summary>Pearson correlation over the intervals where both series have values.</summary>
internal static class Correlation
{
    /// <summary>Correlation over the intervals [from, to).</summary>
    public static double Pearson(double[] a, double[] b, int from, int to)
    {
        var n = Math.Min(to, Math.Min(a.Length, b.Length));
        double sa = 0, sb = 0, count = 0;
        for (var i = from; i < n; i++)
        {
            if (double.IsFinite(a[i]) && double.IsFinite(b[i]))
            {
                sa += a[i];
                sb += b[i];
                count++;
            }
        }

        if (count < 3)
        {
            return 0;
        }

        double ma = sa / count, mb = sb / count, cov = 0, va = 0, vb = 0;
        for (var i = from; i < n; i++)
        {
            if (double.IsFinite(a[i]) && double.IsFinite(b[i]))
            {
                cov += (a[i] - ma) * (b[i] - mb);
                va += (a[i] - ma) * (a[i] - ma);
                vb += (b[i] - mb) * (b[i] - mb);
            }
        }

        return va <= 0 || vb <= 0 ? 0 : cov / Math.Sqrt(va * vb);
    }
}
