namespace RootCause.Topology;

/// <summary>Well-known caller names.</summary>
public static class Callers
{
    /// <summary>The caller of requests that come from outside the watched system.</summary>
    public const string External = "external";
}
