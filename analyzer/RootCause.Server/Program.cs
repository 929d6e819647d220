using System.CommandLine;
using RootCause.Server.Cli;

// The one entry point: `rootcause <verb>`. Each verb lives in Cli/<Verb>Command.cs.
var root = new RootCommand("RootCause: root-cause analysis for microservice incidents")
{
    ServeCommand.Create(),
    FaultTreesCommand.Create(),
    EvalCommand.Create(),
    DetectCommand.Create(),
    DrillDownCommand.Create(),
    SimulateCommand.Create(),
    AnalyzeCommand.Create(),
    DemoCommand.Create(),
    LabCommand.Create(),
};

// Ctrl-C and SIGTERM cancel the verb's token; the lab then tears down what it built (bounded), so the
// process is not cut off after System.CommandLine's default two seconds.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(90) };
return await root.Parse(args).InvokeAsync(invocation).ConfigureAwait(false);
