namespace RootCause.Simulation;

/// <summary>A downstream call made while serving an operation.</summary>
/// <param name="Plan">Index into the calling service's <see cref="SimService.PlanOperations"/>.</param>
/// <param name="Operation">The called operation.</param>
/// <param name="PerRequest">Calls per served request (may be fractional: only some requests call).</param>
internal sealed record SimCall(int Plan, int Operation, double PerRequest);
