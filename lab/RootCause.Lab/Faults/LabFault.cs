using RootCause.Lab.Runs;

namespace RootCause.Lab;

/// <summary>
/// One fault put on one target of a running lab. <see cref="ApplyAsync"/> injects it (a failed apply undoes what it
/// did and throws), <see cref="RemoveAsync"/> takes it away again; both are bounded. Made by
/// <see cref="LabEnvironment.CreateFault"/>; the environment removes a fault still applied at teardown.
/// </summary>
public abstract class LabFault
{
    private readonly TimeProvider time;

    private protected LabFault(string name, string target, ExpectedEntity expected, TimeProvider time)
    {
        Name = name;
        Target = target;
        Expected = expected;
        ExpectedClass = LabFaultCatalog.Get(name).ExpectedClass;
        this.time = time;
    }

    /// <summary>The catalogue's name ("packet_loss").</summary>
    public string Name { get; }

    /// <summary>The service ("payment") or link ("checkout -> payment") it is put on.</summary>
    public string Target { get; }

    /// <summary>The fault class RootCause should give it.</summary>
    public string ExpectedClass { get; }

    /// <summary>What the report should blame: the service, or the link and its destination service.</summary>
    public ExpectedEntity Expected { get; }

    /// <summary>"payment", or "checkout -> payment" for a link fault.</summary>
    public string ExpectedEntityName => Expected.IsLink ? $"{Expected.LinkSource} -> {Expected.Service}" : Expected.Service;

    /// <summary>The service to blame (a link fault's destination).</summary>
    public string ExpectedService => Expected.Service;

    /// <summary>What it does to the target, with its values, in one line.</summary>
    public abstract string Description { get; }

    public bool IsApplied { get; private set; }

    public DateTimeOffset? AppliedAt { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    /// <summary>Injects the fault. Throws <see cref="InvalidOperationException"/> when it is applied already, <see cref="LabException"/> when it cannot be applied (after undoing what it did).</summary>
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        if (IsApplied)
        {
            throw new InvalidOperationException($"{this} is applied already");
        }

        try
        {
            await ApplyCoreAsync(cancellationToken);
        }
        catch (Exception e) when (e is LabException or OperationCanceledException or IOException)
        {
            try
            {
                await RemoveCoreAsync(CancellationToken.None);
            }
            catch (LabException undo)
            {
                throw new LabException($"{this} failed ({e.Message}) and undoing it failed too ({undo.Message})", e);
            }

            if (e is IOException)
            {
                throw new LabException($"{this} failed: {e.Message}", e);
            }

            throw;
        }

        IsApplied = true;
        AppliedAt = time.GetUtcNow();
    }

    /// <summary>Removes the fault; nothing when it is not applied. Throws <see cref="LabException"/> when it cannot be removed.</summary>
    public async Task RemoveAsync(CancellationToken cancellationToken)
    {
        if (!IsApplied)
        {
            return;
        }

        await RemoveCoreAsync(cancellationToken);
        IsApplied = false;
        RemovedAt = time.GetUtcNow();
    }

    public override string ToString() => $"{Name} on {Target}";

    private protected abstract Task ApplyCoreAsync(CancellationToken cancellationToken);

    /// <summary>Undoes the fault; also called after a failed apply, so it must cope with a half-applied fault.</summary>
    private protected abstract Task RemoveCoreAsync(CancellationToken cancellationToken);
}
