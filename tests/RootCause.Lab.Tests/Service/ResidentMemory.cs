namespace RootCause.Lab.Tests.Service;

/// <summary>Tests that read this process's resident memory run alone, so other tests' allocations do not blur it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ResidentMemory
{
    public const string Name = "resident memory";
}
