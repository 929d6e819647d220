namespace RootCause.Evaluation.Tests.PetShop;

/// <summary>Paths of the small fixture files copied next to the test assembly.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "PetShop", "Fixtures", name);
}
