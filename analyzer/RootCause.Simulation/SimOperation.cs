namespace RootCause.Simulation;

/// <summary>An operation of a service: own processing time, error rate, the calls each request makes.</summary>
internal sealed class SimOperation
{
    public required int Index { get; init; }

    public required int Service { get; init; }

    public required string Name { get; init; }

    /// <summary>Mean own processing time (excluding downstream calls), seconds.</summary>
    public required double OwnSeconds { get; init; }

    /// <summary>Log-normal shape of the latency distribution.</summary>
    public required double Sigma { get; init; }

    public required double ErrorRate { get; init; }

    /// <summary>Share of requests answered 4xx (client errors, not counted as errors).</summary>
    public required double ClientErrorRate { get; init; }

    public required double RequestBytes { get; init; }

    public required double ResponseBytes { get; init; }

    public SimCall[] Calls { get; set; } = [];

    /// <summary>Requests per second at mean traffic, over all instances.</summary>
    public double Rate { get; set; }

    /// <summary>Callers (service index, or -1 for external) and their request rates to this operation.</summary>
    public List<(int Caller, double Rate)> Callers { get; } = [];
}
