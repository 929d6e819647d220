using System.Globalization;
using RootCause.Analysis.Detection.Streaming;

namespace RootCause.Benchmarks;

/// <summary>
/// `detector-noise`: how often each detector preset alarms on plain i.i.d. noise, and whether it catches a level
/// shift in it. 8 seeds each of uniform and Gaussian noise (sd 1, 3,000 points around 100); alarms are counted
/// in the first 200 points and per 1,000 points after; a shift of +6 or +15 sd at point 2,000 (other seeds) is
/// found when an alarm comes at points 2,000–2,005. Every preset runs at its own NAB threshold.
/// </summary>
internal static class DetectorNoiseSuite
{
    public const string Verb = "detector-noise";

    private const int Length = 3000;
    private const int ShiftAt = 2000;
    private const int Early = 200;
    private const int Seeds = 8;

    public static int Run()
    {
        var presets = new (string Name, StreamingDetectorOptions Options, double Threshold)[]
        {
            (nameof(StreamingDetectorOptions.Default), StreamingDetectorOptions.Default, StreamingDetectorOptions.DefaultThreshold),
            (nameof(StreamingDetectorOptions.ContextualEnsemble), StreamingDetectorOptions.ContextualEnsemble, StreamingDetectorOptions.ContextualThreshold),
            (nameof(StreamingDetectorOptions.SurpriseOnly), StreamingDetectorOptions.SurpriseOnly, StreamingDetectorOptions.SurpriseOnlyThreshold),
        };
        Console.WriteLine("preset              noise     alarms < 200  alarms per 1,000 after  +6 sd found  +15 sd found");
        foreach (var (name, options, threshold) in presets)
        {
            foreach (var gaussian in new[] { false, true })
            {
                int early = 0, late = 0, six = 0, fifteen = 0;
                for (var seed = 1; seed <= Seeds; seed++)
                {
                    var scores = StreamingDetector.ScoreAll(Noise(gaussian, seed, 0), options);
                    early += scores.Take(Early).Count(s => s >= threshold);
                    late += scores.Skip(Early).Count(s => s >= threshold);

                    six += Found(Noise(gaussian, seed + 100, 6), options, threshold) ? 1 : 0;
                    fifteen += Found(Noise(gaussian, seed + 100, 15), options, threshold) ? 1 : 0;
                }

                var perThousand = late * 1000.0 / (Seeds * (Length - Early));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-19} {(gaussian ? "Gaussian" : "uniform"),-9} {early,12}  {perThousand,22:F2}  {six,8}/{Seeds}  {fifteen,9}/{Seeds}"));
            }
        }

        return 0;
    }

    private static bool Found(double[] values, StreamingDetectorOptions options, double threshold)
    {
        var scores = StreamingDetector.ScoreAll(values, options);
        return Enumerable.Range(ShiftAt, 6).Any(i => scores[i] >= threshold);
    }

    /// <summary>Seeded i.i.d. noise of sd 1 around 100 (uniform or Gaussian), plus <paramref name="shift"/> from <see cref="ShiftAt"/>.</summary>
    private static double[] Noise(bool gaussian, int seed, double shift)
    {
        var random = new Random(seed);
        var values = new double[Length];
        for (var i = 0; i < Length; i++)
        {
            var e = gaussian
                ? Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())
                : ((random.NextDouble() * 2) - 1) * Math.Sqrt(3);
            values[i] = 100 + e + (i >= ShiftAt ? shift : 0);
        }

        return values;
    }
}
