using RootCause.Lab.AlertChain;

namespace RootCause.Lab.Tests.AlertChain;

/// <summary>Whether Debian's prometheus, prometheus-alertmanager and promtool are here; under CI=true their absence is a failure.</summary>
internal static class AlertChainPrograms
{
    public static bool IsCi => string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The programs of the default options; null when all are installed.</summary>
    public static string? Missing => Lab.AlertChain.AlertChain.MissingPrograms(new AlertChainOptions { RootCause = new Uri("http://127.0.0.1:1/"), WorkDirectory = "." });

    /// <summary>Fails with the reason when a program is missing (reached only when not skipped, i.e. under CI).</summary>
    public static void Require()
    {
        if (Missing is { } reason)
        {
            Assert.Fail($"CI=true, so this is a failure and not a skip: {reason}");
        }
    }
}
