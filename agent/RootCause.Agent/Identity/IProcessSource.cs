namespace RootCause.Agent.Identity;

/// <summary>Reads process details; the real one reads /proc, tests use fixtures.</summary>
internal interface IProcessSource
{
    ProcessInfo Describe(int pid, string comm);
}
