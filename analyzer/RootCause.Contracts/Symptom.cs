namespace RootCause.Contracts;

/// <summary>What the alert says is wrong: a KPI of a service (optionally one operation) around a time.</summary>
/// <param name="Service">The alerted service.</param>
/// <param name="Kpi">The alerted KPI: one of <see cref="Kpis"/>.</param>
/// <param name="Operation">The alerted operation, when the alert names one.</param>
/// <param name="At">When the alert fired (or the time the user asks about).</param>
/// <param name="Source">Where the alert came from: "alertmanager", "grafana", "api", "simulator", "cli".</param>
/// <param name="AlertName">The alert's own name, when it has one.</param>
public sealed record Symptom(string Service, string Kpi, string? Operation, DateTimeOffset At, string Source, string? AlertName = null);
