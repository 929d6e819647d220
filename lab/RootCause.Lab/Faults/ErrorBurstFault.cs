using System.Globalization;
using RootCause.Lab.Runs;

namespace RootCause.Lab;

/// <summary>error_burst on one service: its errorRate switch (a bad release answering 500 to a share of requests).</summary>
internal sealed class ErrorBurstFault : LabFault
{
    private readonly ServiceControlFile control;
    private readonly double rate;

    public ErrorBurstFault(LabMember target, ServiceControlFile control, double rate, TimeProvider time)
        : base(LabFaultCatalog.ErrorBurst, target.Name, ExpectedEntity.OfService(target.Name), time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1);
        this.control = control;
        this.rate = rate;
    }

    public override string Description => $"{Target} answers {(rate * 100).ToString("0", CultureInfo.InvariantCulture)} % of its requests with 500";

    private protected override Task ApplyCoreAsync(CancellationToken cancellationToken)
    {
        control.Update(s => s with { ErrorRate = rate });
        return Task.CompletedTask;
    }

    private protected override Task RemoveCoreAsync(CancellationToken cancellationToken)
    {
        control.Update(s => s with { ErrorRate = 0 });
        return Task.CompletedTask;
    }
}
