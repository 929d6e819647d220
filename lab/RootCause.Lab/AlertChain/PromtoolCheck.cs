namespace RootCause.Lab.AlertChain;

/// <summary>Prometheus' own checker, <c>promtool check rules</c>, over a rule file.</summary>
public static class PromtoolCheck
{
    /// <summary>What promtool said: whether the file passed, and its output (the rules it found, or the errors with their lines).</summary>
    public sealed record Result(bool Passed, string Output);

    public static async Task<Result> CheckRulesAsync(string ruleFile, string promtool, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleFile);
        ArgumentException.ThrowIfNullOrWhiteSpace(promtool);
        var result = await ProcessRunner.RunAsync(promtool, ["check", "rules", ruleFile], cancellationToken, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        return new Result(result.Succeeded, (result.StandardOutput + result.StandardError).Trim());
    }
}
