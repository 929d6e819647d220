namespace RootCause.Lab.AlertChain;

/// <summary>The alerts the lab's rules raise, and the labels they carry for RootCause's Alertmanager intake.</summary>
public static class AlertNames
{
    /// <summary>The mean latency of the service is well above its recent level and above a floor.</summary>
    public const string Latency = "HttpServerLatencyHigh";

    /// <summary>The share of failing requests of the service is above a few per cent.</summary>
    public const string ErrorRatio = "HttpServerErrorRatioHigh";

    /// <summary>The label naming the alerted service (RootCause reads <c>service</c> first).</summary>
    public const string ServiceLabel = "service";

    /// <summary>The label naming the KPI; its values are RootCause's KPI names (<c>latency</c>, <c>error_rate</c>).</summary>
    public const string KpiLabel = "kpi";
}
