namespace RootCause.Evaluation.Tests.Nezha;

/// <summary>Finds the shared Nezha copy at ../shared/datasets/nezha relative to the repository root (the folder holding RootCause.sln).</summary>
internal static class NezhaDatasetLocator
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RootCause.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets", "nezha"));
                return Directory.Exists(path) ? path : null;
            }
        }

        return null;
    }

    /// <summary>Null (test returns early) only outside CI: the dataset lives outside the repository, CI must have it.</summary>
    public static string? FindOrFailInCi()
    {
        var path = Find();
        Assert.False(path is null && Environment.GetEnvironmentVariable("CI") == "true", "../shared/datasets/nezha not found next to the repository");
        return path;
    }
}
