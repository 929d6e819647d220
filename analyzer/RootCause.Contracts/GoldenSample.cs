namespace RootCause.Contracts;

/// <summary>Server-side golden metrics of one (service, operation, instance, caller) over one interval.</summary>
/// <param name="Service">The serving service.</param>
/// <param name="Operation">Method and normalised route, e.g. "GET /cart/{id}", or a query kind for databases.</param>
/// <param name="Instance">The serving instance.</param>
/// <param name="Caller">The calling service, or "external" when the caller is not a watched service.</param>
public sealed record GoldenSample(string Service, string Operation, string Instance, string Caller, RequestStats Stats);
