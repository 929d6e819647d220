namespace RootCause.Evaluation.Nab;

/// <summary>Reads the published board <c>results/final_results.json</c>: normalised score per detector and profile.</summary>
public static class NabScoreboard
{
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Read(string file)
    {
        var root = LinedJson.Parse(file);
        root.RequireKind(file, System.Text.Json.JsonValueKind.Object, "an object of detectors");
        var board = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (detector, profiles) in root.Members)
        {
            profiles.RequireKind(file, System.Text.Json.JsonValueKind.Object, "an object of profiles");
            board[detector] = profiles.Members.ToDictionary(m => m.Key, m => m.Value.AsFiniteNumber(file), StringComparer.Ordinal);
        }

        return board;
    }
}
