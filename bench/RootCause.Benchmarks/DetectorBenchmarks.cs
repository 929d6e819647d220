using BenchmarkDotNet.Attributes;
using RootCause.Analysis.Detection.Streaming;
using RootCause.Evaluation.Nab;

namespace RootCause.Benchmarks;

/// <summary>
/// Streaming detector cost: one series of 10,000 points on one core (points per second = 10,000 / mean),
/// the bytes one series' detector holds (allocated by the constructor; updates allocate nothing), and the
/// whole NAB corpus detected and scored under all three profiles (needs ../shared/datasets/nab). The detector
/// (<see cref="StreamingDetectorOptions.Default"/>, scored on NAB and run by the analyzer) and its surprise view
/// alone (<see cref="StreamingDetectorOptions.SurpriseOnly"/>) are measured separately.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class DetectorBenchmarks
{
    private const int Points = 10_000;
    private double[] _series = [];
    private NabCorpus? _corpus;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _series = Enumerable.Range(0, Points)
            .Select(i => 100 + (10 * Math.Sin(2 * Math.PI * i / 288)) + random.NextDouble() + (i > 8000 ? 15 : 0))
            .ToArray();
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var nab = Path.Combine(dir.FullName, "..", "shared", "datasets", "nab");
            if (File.Exists(Path.Combine(dir.FullName, "RootCause.sln")) && Directory.Exists(nab))
            {
                _corpus = NabCorpus.Load(nab);
                break;
            }
        }
    }

    [Benchmark(Description = "10,000 points, one series, one core, surprise only")]
    public double StreamTenThousandPointsSurpriseOnly()
    {
        var detector = new StreamingDetector(StreamingDetectorOptions.SurpriseOnly);
        var last = 0.0;
        foreach (var value in _series)
        {
            last = detector.Update(value);
        }

        return last;
    }

    [Benchmark(Description = "10,000 points, one series, one core")]
    public double StreamTenThousandPoints()
    {
        var detector = new StreamingDetector();
        var last = 0.0;
        foreach (var value in _series)
        {
            last = detector.Update(value);
        }

        return last;
    }

    [Benchmark(Description = "state of one series (allocated bytes)")]
    public StreamingDetector NewSeries() => new();

    [Benchmark(Description = "state of one series, surprise only (allocated bytes)")]
    public StreamingDetector NewSeriesSurpriseOnly() => new(StreamingDetectorOptions.SurpriseOnly);

    [Benchmark(Description = "NAB corpus: detect 365,558 points and score 3 profiles")]
    public double ScoreNabCorpus()
    {
        if (_corpus is null)
        {
            throw new InvalidOperationException("../shared/datasets/nab not found next to the repository");
        }

        var run = NabEvaluation.Run(_corpus);
        return run.Profiles[0].Normalised;
    }
}
