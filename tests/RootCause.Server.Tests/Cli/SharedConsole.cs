namespace RootCause.Server.Tests.Cli;

/// <summary>Tests that swap the process console must not run beside each other.</summary>
[CollectionDefinition(nameof(SharedConsole), DisableParallelization = true)]
public sealed class SharedConsole;
