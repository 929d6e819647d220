namespace RootCause.Lab;

/// <summary>One fault of the lab's catalogue.</summary>
/// <param name="Name">The lab's name for it ("packet_loss").</param>
/// <param name="ExpectedClass">The fault class RootCause should give it (fault-trees/default.yaml).</param>
/// <param name="Targets">Where it can be injected, the first being the default: services, or links "source -> destination".</param>
/// <param name="Summary">What it does, in one line.</param>
public sealed record LabFaultKind(string Name, string ExpectedClass, IReadOnlyList<string> Targets, string Summary)
{
    /// <summary>Whether its targets are links (the report should blame the link and its destination) rather than services.</summary>
    public bool TargetsLinks => Targets.Count > 0 && Targets[0].Contains("->", StringComparison.Ordinal);
}
