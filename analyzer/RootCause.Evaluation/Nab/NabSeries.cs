namespace RootCause.Evaluation.Nab;

/// <summary>One NAB file: its corpus name (<c>category/file.csv</c>), row timestamps and one numeric column.</summary>
public sealed record NabSeries(string Name, DateTime[] Timestamps, double[] Values);
