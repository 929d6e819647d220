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

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
