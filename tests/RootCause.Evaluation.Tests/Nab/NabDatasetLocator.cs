namespace RootCause.Evaluation.Tests.Nab;

/// <summary>Finds the shared NAB copy at ../shared/datasets/nab relative to the repository root (the folder holding RootCause.sln).</summary>
internal static class NabDatasetLocator
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RootCause.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets", "nab"));
                return Directory.Exists(path) ? path : null;
            }
        }

        return null;
    }

    /// <summary>Null (test returns early) only outside CI: the dataset lives outside the repository, CI must have it.</summary>
    public static string? FindOrFailInCi()
    {
        var path = Find();
        Assert.False(path is null && Environment.GetEnvironmentVariable("CI") == "true", "../shared/datasets/nab not found next to the repository");
        return path;
    }
}
