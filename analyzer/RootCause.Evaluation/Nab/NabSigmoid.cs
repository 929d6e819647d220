namespace RootCause.Evaluation.Nab;

/// <summary>NAB's scaled sigmoid: the reward of a detection by its position relative to a window's right edge.</summary>
internal static class NabSigmoid
{
    /// <summary>The reward at the left edge of a window (position -1), by which true positives are divided so the earliest scores 1.</summary>
    public static readonly double MaxTruePositive = Scaled(-1.0);

    /// <summary>
    /// Position -1 is a window's left edge (0.98661), 0 its right edge (0); positive positions are false
    /// positives after a window, reaching -1 from position 3 onwards.
    /// </summary>
    public static double Scaled(double position) =>
        position >= 3.0 ? -1.0 : (2.0 / (1.0 + Math.Exp(5.0 * position))) - 1.0;
}
