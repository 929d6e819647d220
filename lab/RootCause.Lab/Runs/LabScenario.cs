namespace RootCause.Lab.Runs;

/// <summary>One fault of the catalogue on one of its targets.</summary>
public sealed record LabScenario(string Fault, string Target)
{
    /// <summary>
    /// Every named fault (every fault of the catalogue when none is named), <paramref name="repeat"/> times, each
    /// repeat on the fault's next target, so that repeats see different services and links.
    /// </summary>
    public static IReadOnlyList<LabScenario> Plan(IReadOnlyList<string> faults, int repeat)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        var names = faults.Count > 0 ? faults : LabFaultCatalog.All.Select(f => f.Name).ToArray();
        return Enumerable.Range(0, repeat)
            .SelectMany(r => names.Select(name => new LabScenario(name, LabFaultCatalog.TargetFor(name, r))))
            .ToArray();
    }

    public override string ToString() => $"{Fault} on {Target}";
}
