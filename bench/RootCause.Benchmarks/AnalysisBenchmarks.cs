using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using RootCause.Analysis;
using RootCause.Analysis.FaultTrees;
using RootCause.Bundles;
using RootCause.Contracts;
using RootCause.Simulation;

namespace RootCause.Benchmarks;

/// <summary>
/// One whole analysis of a simulated incident (series derivation, detection on every series, drill-down,
/// demarcation, ranking, classification, report) at 20 and 1,000 services. The snapshot is rebuilt in
/// every operation because deriving the series is part of the analysis.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(AnalysisBenchmarks.SecondsPerOperation))]
public class AnalysisBenchmarks
{
    /// <summary>
    /// One operation takes seconds at 1,000 services: run in-process (no per-run project build, which times
    /// out on a busy 2-core machine) with a long timeout, one invocation per iteration.
    /// </summary>
    public sealed class SecondsPerOperation : ManualConfig
    {
        public SecondsPerOperation() =>
            AddJob(Job.Default
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: false))
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
    }

    private IncidentBundle _bundle = null!;
    private RootCauseAnalyzer _analyzer = null!;

    [Params(20, 1000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var scenario = Scenario.Create(new ScenarioOptions
        {
            Services = Services,
            InstancesPerService = 3,
            Nodes = Services >= 1000 ? 60 : 8,
            Fault = FaultKind.SlowDatabase,
            Seed = 7,
        });
        _bundle = scenario.ToBundle();
        _analyzer = new RootCauseAnalyzer(ShippedTrees(), new AnalyzerOptions(), TimeProvider.System);
        var check = Analyze();
        if (check.RootCauses.Count == 0 || check.RootCauses[0].Entity != scenario.Truth!.Entity)
        {
            throw new InvalidOperationException($"the benchmark incident is misdiagnosed: {string.Join(", ", check.RootCauses.Select(c => c.Entity))} vs {scenario.Truth!.Entity}");
        }
    }

    [Benchmark]
    public RootCauseReport Analyze() => _analyzer.Analyze(Guid.Empty, _bundle.Alert, _bundle.ToSnapshot());

    private static FaultTreeSet ShippedTrees()
    {
        var directory = Path.Combine(RepositoryRoot(), "fault-trees");
        var files = Directory.EnumerateFiles(directory, "*.yaml").Where(p => !FaultTreeExampleRunner.IsExamplesFile(p)).Order(StringComparer.Ordinal).Select(p => (p, File.ReadAllText(p)));
        var result = FaultTreeSet.Parse(files);
        return result.Succeeded ? result.Set : throw new InvalidOperationException(string.Join('\n', result.Errors));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RootCause.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RootCause.sln not found above " + AppContext.BaseDirectory);
    }
}
