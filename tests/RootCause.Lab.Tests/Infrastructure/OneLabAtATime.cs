namespace RootCause.Lab.Tests.Infrastructure;

/// <summary>The lab's names and addresses are fixed, so the tests that build it on the host run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OneLabAtATime
{
    public const string Name = "lab host";
}
