using RootCause.Topology;

namespace RootCause.Evaluation.Nezha;

/// <summary>A day's call graph: services named in it (file order), caller → callee edges, and where OB's file says so, the host each service runs on.</summary>
/// <param name="Hosts">Service → host address. OB's dependency.csv also lists one "service → IP" row per service; services that list the
/// same IP have identical NodeCpuUsageRate/NodeMemoryUsageRate series in every row, so the IP is the node the pod runs on.</param>
public sealed record NezhaCallGraph(IReadOnlyList<string> Services, IReadOnlyList<CallEdge> Calls, IReadOnlyDictionary<string, string> Hosts);
