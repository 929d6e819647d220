namespace RootCause.Evaluation.Tests.Nezha;

/// <summary>Paths of the small hand-made Nezha files copied next to the test assembly: an OB day, a TT day and malformed variants.</summary>
internal static class NezhaFixture
{
    public const string CartPod = "cartservice-579f59597d-wc2lz";
    public const string FrontendPod = "frontend-579b9bff58-t2dbm";

    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "Nezha", "Fixtures", .. parts]);

    public static string ObDay => Path("2022-08-22");

    public static string TtDay => Path("2023-01-29");

    public static string CartMetrics => Path("2022-08-22", "metric", CartPod + "_metric.csv");
}
