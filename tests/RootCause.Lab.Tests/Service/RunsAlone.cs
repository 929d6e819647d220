namespace RootCause.Lab.Tests.Service;

/// <summary>
/// Tests that measure rates, latencies or this process's resident memory run alone, after the parallel ones, so that
/// other tests' threads and allocations do not blur what they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs alone";
}
