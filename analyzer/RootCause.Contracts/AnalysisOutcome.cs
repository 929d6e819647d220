namespace RootCause.Contracts;

public enum AnalysisOutcome
{
    /// <summary>At least one candidate is supported by evidence.</summary>
    RootCauseFound,

    /// <summary>The symptom is visible but the evidence does not single out a cause.</summary>
    Inconclusive,

    /// <summary>The alerted KPI shows no deviation in the window.</summary>
    NoAnomaly,

    /// <summary>There is no telemetry for the alerted service in the window.</summary>
    NoData,
}
