namespace RootCause.Evaluation.Nezha;

/// <summary>A service's largest deviation in a fault's window, in robust baseline standard deviations, and the series that made it.</summary>
/// <param name="Series">"&lt;pod&gt; &lt;column&gt;", e.g. "cartservice-579f59597d-wc2lz CpuUsage(m)".</param>
public sealed record ServiceDeviation(string Service, double Deviation, string Series);
