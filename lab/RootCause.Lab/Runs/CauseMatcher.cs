using RootCause.Contracts;

namespace RootCause.Lab.Runs;

/// <summary>
/// Finds where a report ranks the expected entity. Report entities name instances ("payment@lab-1") and
/// addresses ("10.231.0.14:8080"); <paramref name="serviceOf"/> turns either into its service, as the topology does.
/// </summary>
public static class CauseMatcher
{
    /// <summary>The first ranked cause naming <paramref name="expected"/>, or null.</summary>
    public static RankedCause? Find(RootCauseReport report, ExpectedEntity expected, Func<string, string?> serviceOf) =>
        report.RootCauses.OrderBy(c => c.Rank).FirstOrDefault(c => Names(c.Entity, expected, serviceOf));

    public static bool Names(EntityRef entity, ExpectedEntity expected, Func<string, string?> serviceOf)
    {
        switch (entity.Kind)
        {
            case EntityKind.Service when !expected.IsLink:
                return entity.Name == expected.Service;
            case EntityKind.Instance when !expected.IsLink:
                return serviceOf(entity.Name) == expected.Service;
            case EntityKind.NetworkEdge or EntityKind.CallEdge when expected.IsLink:
                var ends = entity.Name.Split(" -> ", 2, StringSplitOptions.TrimEntries);
                if (ends.Length != 2)
                {
                    return false;
                }

                var (from, to) = entity.Kind == EntityKind.CallEdge ? (ends[0], ends[1]) : (serviceOf(ends[0]), serviceOf(ends[1]));
                return (from == expected.LinkSource && to == expected.Service) || (from == expected.Service && to == expected.LinkSource);
            default:
                return false;
        }
    }
}
