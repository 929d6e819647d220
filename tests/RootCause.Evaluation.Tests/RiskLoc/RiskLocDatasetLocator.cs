namespace RootCause.Evaluation.Tests.RiskLoc;

/// <summary>Finds the shared RS copy at ../shared/datasets/riskloc-rs/RS relative to the repository root (the folder holding RootCause.sln).</summary>
internal static class RiskLocDatasetLocator
{
    /// <summary>Null (the test returns early) only outside CI: the dataset lives outside the repository, CI must have it.</summary>
    public static string? Find()
    {
        string? found = null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RootCause.sln")))
            {
                var rs = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets", "riskloc-rs", "RS"));
                found = File.Exists(Path.Combine(rs, "anomaly.yaml")) ? rs : null;
                break;
            }
        }

        Assert.False(found is null && Environment.GetEnvironmentVariable("CI") == "true", "../shared/datasets/riskloc-rs/RS not found next to the repository");
        return found;
    }
}
