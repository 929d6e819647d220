namespace RootCause.Evaluation.Nezha;

/// <summary>One pod's &lt;pod&gt;_metric.csv: a row per minute with the columns of <see cref="PodMetricColumns"/>.</summary>
/// <param name="Pod">The pod name, e.g. cartservice-579f59597d-wc2lz.</param>
/// <param name="Service">Its service, e.g. cartservice.</param>
public sealed record PodMetrics(string Pod, string Service, MinuteTable Table);
