namespace RootCause.Evaluation.Nab;

/// <summary>Reads <c>config/profiles.json</c>: <c>{ "standard": { "CostMatrix": { "tpWeight": 1.0, ... } }, ... }</c>.</summary>
public static class NabProfileReader
{
    public static IReadOnlyList<NabProfile> Read(string file)
    {
        var root = LinedJson.Parse(file);
        root.RequireKind(file, System.Text.Json.JsonValueKind.Object, "an object of profiles");
        var profiles = new List<NabProfile>();
        foreach (var (name, body) in root.Members)
        {
            var matrix = body.Member(file, "CostMatrix");
            var tp = Weight(file, matrix, "tpWeight");
            var fp = Weight(file, matrix, "fpWeight");
            var fn = Weight(file, matrix, "fnWeight");
            profiles.Add(new NabProfile(name, tp, fp, fn));
        }

        if (profiles.Count == 0)
        {
            throw new DatasetFormatException(file, root.Line, "no profiles");
        }

        return profiles;
    }

    private static double Weight(string file, LinedJson matrix, string name)
    {
        var node = matrix.Member(file, name);
        var weight = node.AsFiniteNumber(file);
        if (weight < 0)
        {
            throw new DatasetFormatException(file, node.Line, $"{name} must not be negative");
        }

        return weight;
    }
}
