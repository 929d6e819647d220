namespace RootCause.Evaluation.Nab;

/// <summary>Reads <c>config/thresholds.json</c>: <c>{ "detector": { "profile": { "score": s, "threshold": t } } }</c>.</summary>
public static class NabThresholdReader
{
    /// <summary>The published threshold per profile of one detector.</summary>
    public static IReadOnlyDictionary<string, double> Read(string file, string detector)
    {
        var root = LinedJson.Parse(file);
        var profiles = root.Member(file, detector);
        profiles.RequireKind(file, System.Text.Json.JsonValueKind.Object, "an object of profiles");
        var thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (profile, body) in profiles.Members)
        {
            thresholds[profile] = body.Member(file, "threshold").AsFiniteNumber(file);
        }

        return thresholds;
    }
}
