namespace RootCause.Evaluation.RiskLoc;

/// <summary>Micro-averaged counts over all cases and the micro-F1 = 2TP / (2TP + FP + FN).</summary>
public sealed record RiskLocScore(string Localiser, int TruePositives, int FalsePositives, int FalseNegatives, TimeSpan Elapsed, int Cases)
{
    public double F1 => TruePositives + FalsePositives + FalseNegatives == 0 ? 1 : 2.0 * TruePositives / ((2.0 * TruePositives) + FalsePositives + FalseNegatives);

    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
}
