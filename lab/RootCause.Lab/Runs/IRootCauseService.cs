using RootCause.Contracts;

namespace RootCause.Lab.Runs;

/// <summary>The RootCause service as the lab sees it: where its reports arrive and how it names things.</summary>
public interface IRootCauseService
{
    /// <summary>Base address agents, Prometheus and Alertmanager talk to.</summary>
    Uri BaseAddress { get; }

    /// <summary>
    /// The first report published for an alert on <paramref name="service"/> that fired at or after
    /// <paramref name="since"/>; null when none comes within <paramref name="timeout"/>.
    /// </summary>
    Task<RootCauseReport?> WaitForReportAsync(string service, DateTimeOffset since, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>The service an instance id or address belongs to, by the current topology.</summary>
    Task<Func<string, string?>> ServiceResolverAsync(CancellationToken cancellationToken);

    /// <summary>Whether the golden metrics of <paramref name="service"/> have arrived (the agent sees it).</summary>
    Task<bool> HasTrafficAsync(string service, CancellationToken cancellationToken);

    /// <summary>The report's page.</summary>
    Uri ReportPage(Guid id) => new(BaseAddress, $"reports/{id}");
}
