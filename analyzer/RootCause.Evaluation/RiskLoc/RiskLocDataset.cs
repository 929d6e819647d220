namespace RootCause.Evaluation.RiskLoc;

/// <summary>The RS set of the riskloc repository: anomaly.yaml and one CSV per case, read strictly.</summary>
public static class RiskLocDataset
{
    public static IReadOnlyList<RiskLocCase> Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var list = Path.Combine(directory, "anomaly.yaml");
        if (!File.Exists(list))
        {
            throw new DatasetFormatException(list, 0, "missing: is --data the RS folder?");
        }

        var cases = new List<RiskLocCase>();
        foreach (var anomaly in AnomalyListReader.Read(list))
        {
            // Case names come from an untrusted file: they must not reach outside the folder.
            if (anomaly.Data.Contains('/', StringComparison.Ordinal) || anomaly.Data.Contains('\\', StringComparison.Ordinal) || anomaly.Data.StartsWith('.'))
            {
                throw new DatasetFormatException(list, anomaly.Line, $"case name '{anomaly.Data}' is not a plain file name");
            }

            var file = Path.Combine(directory, anomaly.Data + ".csv");
            if (!File.Exists(file))
            {
                throw new DatasetFormatException(list, anomaly.Line, $"case file {anomaly.Data}.csv is missing");
            }

            cases.Add(RiskLocCaseReader.Read(file, anomaly));
        }

        return cases;
    }
}
