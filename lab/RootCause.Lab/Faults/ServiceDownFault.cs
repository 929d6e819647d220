using RootCause.Lab.Runs;

namespace RootCause.Lab;

/// <summary>
/// service_down: the service's process is stopped and the supervisor keeps it down, so its callers get connection
/// refused. Removing it lets the supervisor start it again and waits (bounded) until it answers.
/// </summary>
internal sealed class ServiceDownFault : LabFault
{
    private readonly LabMember target;
    private readonly SupervisedProcess process;
    private readonly TimeSpan restartTimeout;
    private readonly string logPath;

    public ServiceDownFault(LabMember target, SupervisedProcess process, TimeSpan restartTimeout, string logPath, TimeProvider time)
        : base(LabFaultCatalog.ServiceDown, target.Name, ExpectedEntity.OfService(target.Name), time)
    {
        this.target = target;
        this.process = process;
        this.restartTimeout = restartTimeout;
        this.logPath = logPath;
    }

    public override string Description => $"{target.Name} stopped and kept down: connections to {target.EndPoint} are refused";

    private protected override async Task ApplyCoreAsync(CancellationToken cancellationToken)
    {
        await process.HoldAsync(cancellationToken);
        if (await PortProbe.AnswersAsync(target.EndPoint, cancellationToken))
        {
            throw new LabException($"{target.Name} still answers on {target.EndPoint} after it was stopped");
        }
    }

    private protected override async Task RemoveCoreAsync(CancellationToken cancellationToken)
    {
        process.Release();
        await PortProbe.WaitAsync(target.Name, target.EndPoint, restartTimeout, () => true, logPath, cancellationToken);
    }
}
