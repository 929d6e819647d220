using System.Diagnostics;
using RootCause.Analysis.Detection.Streaming;

namespace RootCause.Evaluation.Nab;

/// <summary>
/// Runs our streaming detector over every NAB file (no look-ahead, one fresh detector per file) and scores it
/// by NAB's protocol. Without options it runs <see cref="StreamingDetectorOptions.Default"/>.
/// </summary>
public static class NabEvaluation
{
    /// <summary>Scores every file; files run in parallel, each in its own detector.</summary>
    public static IReadOnlyList<double[]> Detect(NabCorpus corpus, StreamingDetectorOptions? options = null) =>
        corpus.Files.AsParallel().AsOrdered().Select(f => StreamingDetector.ScoreAll(f.Series.Values, options ?? StreamingDetectorOptions.Default)).ToList();

    public static NabRun Run(NabCorpus corpus, StreamingDetectorOptions? options = null)
    {
        var watch = Stopwatch.StartNew();
        var scores = Detect(corpus, options);
        var elapsed = watch.Elapsed;
        var results = corpus.Profiles.Select(p => NabScorer.ScoreOptimised(corpus, scores, p)).ToList();
        return new NabRun(corpus.Files.Count, corpus.RowCount, results, elapsed);
    }
}
