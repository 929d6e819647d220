using RootCause.Lab.Runs;

namespace RootCause.Lab;

/// <summary>slow_service on one service: its addedLatencyMs switch (added work in every handler).</summary>
internal sealed class SlowServiceFault : LabFault
{
    private readonly ServiceControlFile control;
    private readonly int addedLatencyMs;

    public SlowServiceFault(LabMember target, ServiceControlFile control, int addedLatencyMs, TimeProvider time)
        : base(LabFaultCatalog.SlowService, target.Name, ExpectedEntity.OfService(target.Name), time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(addedLatencyMs);
        this.control = control;
        this.addedLatencyMs = addedLatencyMs;
    }

    public override string Description => $"{Target} waits {addedLatencyMs} ms more in every handler";

    private protected override Task ApplyCoreAsync(CancellationToken cancellationToken)
    {
        control.Update(s => s with { AddedLatencyMs = addedLatencyMs });
        return Task.CompletedTask;
    }

    private protected override Task RemoveCoreAsync(CancellationToken cancellationToken)
    {
        control.Update(s => s with { AddedLatencyMs = 0 });
        return Task.CompletedTask;
    }
}
