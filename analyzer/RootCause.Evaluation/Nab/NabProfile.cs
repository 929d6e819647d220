namespace RootCause.Evaluation.Nab;

/// <summary>One NAB application profile: the weights of true positives, false positives and false negatives.</summary>
public sealed record NabProfile(string Name, double TpWeight, double FpWeight, double FnWeight);
