namespace RootCause.Lab;

/// <summary>What a cleanup found, what went wrong removing it, and what is still there afterwards.</summary>
public sealed record LabCleanupReport(IReadOnlyList<LabLeftover> Found, IReadOnlyList<string> Problems, IReadOnlyList<LabLeftover> Left)
{
    /// <summary>Nothing of the lab is left and every step succeeded.</summary>
    public bool IsClean => Left.Count == 0 && Problems.Count == 0;

    public override string ToString() =>
        IsClean
            ? Found.Count == 0 ? "nothing of the lab was left" : $"removed {Found.Count} lab objects"
            : $"left: {(Left.Count == 0 ? "nothing" : string.Join(", ", Left))}; problems: {(Problems.Count == 0 ? "none" : string.Join("; ", Problems))}";
}
