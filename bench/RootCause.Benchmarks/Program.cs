using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/RootCause.Benchmarks -- --filter '*'` runs every benchmark;
// see docs/benchmarks.md for the commands behind each published figure.
if (args.Length > 0 && args[0] == RootCause.Benchmarks.DrillDown.DrillDownCompare.Verb)
{
    Environment.ExitCode = RootCause.Benchmarks.DrillDown.DrillDownCompare.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == RootCause.Benchmarks.DetectorNoiseSuite.Verb)
{
    Environment.ExitCode = RootCause.Benchmarks.DetectorNoiseSuite.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
