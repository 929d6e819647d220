namespace RootCause.Evaluation.Nab;

/// <summary>
/// A detector's corpus score under one profile: the threshold used, the raw score, the raw scores of the
/// null (never detects) and perfect detectors, and the normalised score 100 * (raw - null) / (perfect - null).
/// </summary>
public sealed record NabProfileResult(
    NabProfile Profile,
    double Threshold,
    double Raw,
    double Null,
    double Perfect,
    int WindowsDetected,
    int WindowsMissed,
    int FalsePositiveRows)
{
    public double Normalised => 100 * (Raw - Null) / (Perfect - Null);
}
