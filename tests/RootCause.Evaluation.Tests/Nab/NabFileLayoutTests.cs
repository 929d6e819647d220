using RootCause.Evaluation.Nab;

namespace RootCause.Evaluation.Tests.Nab;

/// <summary>The sweep on a tiny hand-made file whose rewards can be worked out by hand.</summary>
public sealed class NabFileLayoutTests
{
    private static readonly NabProfile Standard = new("standard", 1.0, 0.11, 1.0);
    private static readonly DateTime Start = new(2014, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    // 40 rows: probation floor(0.15 * 40) = 6 rows; one window on rows 20..23.
    private static NabFileLayout Layout()
    {
        var timestamps = Enumerable.Range(0, 40).Select(i => Start.AddMinutes(5 * i)).ToArray();
        return NabFileLayout.Build("t/file.csv", timestamps, [new NabWindow(timestamps[20], timestamps[23])], "labels.json");
    }

    private static double[] Detections(params int[] rows)
    {
        var scores = new double[40];
        foreach (var row in rows)
        {
            scores[row] = 1;
        }

        return scores;
    }

    [Fact]
    public void Probation_is_min_of_15_percent_and_750_rows()
    {
        Assert.Equal(6, NabFileLayout.ProbationFor(40));
        Assert.Equal(604, NabFileLayout.ProbationFor(4032));
        Assert.Equal(750, NabFileLayout.ProbationFor(15_833));
    }

    [Fact]
    public void Detection_at_the_window_start_earns_the_full_true_positive_weight()
    {
        var score = Layout().Score(Detections(20), Standard, 0.5);

        Assert.Equal(1.0, score.Raw, 12);
        Assert.Equal((1, 0, 0), (score.WindowsDetected, score.WindowsMissed, score.FalsePositiveRows));
    }

    [Fact]
    public void Only_the_earliest_detection_in_a_window_counts()
    {
        var early = Layout().Score(Detections(20, 22, 23), Standard, 0.5);
        var late = Layout().Score(Detections(23), Standard, 0.5);

        Assert.Equal(1.0, early.Raw, 12);
        // Last row of a 4-row window: position -(23 - 23 + 1) / 4 = -0.25, sigmoid 2 / (1 + e^-1.25) - 1.
        Assert.Equal(((2 / (1 + Math.Exp(-1.25))) - 1) / ((2 / (1 + Math.Exp(-5))) - 1), late.Raw, 12);
    }

    [Fact]
    public void A_false_positive_far_from_any_window_costs_the_profile_weight_and_a_miss_costs_one()
    {
        var score = Layout().Score(Detections(10), Standard, 0.5);

        Assert.Equal(-0.11 - 1.0, score.Raw, 12);
        Assert.Equal(1, score.FalsePositiveRows);
    }

    [Fact]
    public void Detections_in_probation_are_ignored()
    {
        Assert.Equal(-1.0, Layout().Score(Detections(0, 5), Standard, 0.5).Raw, 12);
    }
}
