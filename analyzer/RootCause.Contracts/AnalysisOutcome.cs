namespace RootCause.Contracts;

public enum AnalysisOutcome
{
    /// <summary>At least one candidate is supported by evidence.</summary>
    RootCauseFound,

    /// <summary>The symptom is visible but the evidence does not single out a cause.</summary>
    Inconclusive,

    /// <summary>
    /// The alerted KPI shows no deviation in the window. Deviations around it, if any, are ranked as leads
    /// (scores halved, the reason stated on each).
    /// </summary>
    NoAnomaly,

    /// <summary>There is no telemetry for the alerted service in the window.</summary>
    NoData,

    /// <summary>
    /// The alerted KPI has fewer points before the window than a baseline needs: nothing can be judged
    /// normal. Deviations that the history allows to see, if any, are ranked as leads.
    /// </summary>
    NotEnoughHistory,
}
