namespace RootCause.Simulation;

/// <summary>A generated instance: its service, node, address, and memory baseline.</summary>
internal sealed record SimInstance(int Index, string Name, int Service, int Node, int Ordinal, string Address, double MemoryBaseFraction);
