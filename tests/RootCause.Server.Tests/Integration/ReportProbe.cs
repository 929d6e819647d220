using MassTransit;
using RootCause.Contracts;

namespace RootCause.Server.Tests.Integration;

/// <summary>A subscriber of published reports on the same bus as the host, as any downstream service would be.</summary>
public sealed class ReportProbe(ReportInbox inbox) : IConsumer<RootCauseReportPublished>
{
    public Task Consume(ConsumeContext<RootCauseReportPublished> context)
    {
        inbox.Add(context.Message);
        return Task.CompletedTask;
    }
}
