using RootCause.Topology;

namespace RootCause.Evaluation.PetShop;

/// <summary>A scenario's call graph: its components in file order and the caller → callee edges.</summary>
public sealed record PetShopGraph(IReadOnlyList<string> Components, IReadOnlyList<CallEdge> Calls)
{
    public bool Contains(string component) => Components.Contains(component, StringComparer.Ordinal);
}
