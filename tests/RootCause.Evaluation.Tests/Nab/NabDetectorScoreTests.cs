using RootCause.Analysis.Detection.Streaming;
using RootCause.Evaluation.Nab;

namespace RootCause.Evaluation.Tests.Nab;

/// <summary>Pins the figures published in docs/accuracy.md: a change to the detector must update them.</summary>
public sealed class NabDetectorScoreTests
{
    [Fact]
    public void Our_detector_scores_the_published_figures_and_its_default_threshold_is_the_standard_optimum()
    {
        if (NabDatasetLocator.FindOrFailInCi() is not { } path)
        {
            return;
        }

        var run = NabEvaluation.Run(NabCorpus.Load(path));
        var byName = run.Profiles.ToDictionary(p => p.Profile.Name);

        Assert.Equal(72.47, Math.Round(byName["standard"].Normalised, 2));
        Assert.Equal(62.98, Math.Round(byName["reward_low_FP_rate"].Normalised, 2));
        Assert.Equal(77.63, Math.Round(byName["reward_low_FN_rate"].Normalised, 2));
        Assert.Equal(StreamingDetectorOptions.DefaultThreshold, byName["standard"].Threshold, 6);
    }
}
