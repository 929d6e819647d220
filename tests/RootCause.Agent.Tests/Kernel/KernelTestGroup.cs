namespace RootCause.Agent.Tests.Kernel;

/// <summary>Kernel tests share one loaded agent and run one at a time (they count machine-wide events).</summary>
[CollectionDefinition(Name)]
public sealed class KernelTestGroup : ICollectionFixture<KernelAgentFixture>
{
    public const string Name = "kernel";
}
