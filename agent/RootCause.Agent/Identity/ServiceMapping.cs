namespace RootCause.Agent.Identity;

/// <summary>
/// The operator's mapping file: one rule per line, "&lt;service&gt; &lt;key&gt;=&lt;value&gt; [kind=&lt;kind&gt;]", keys comm,
/// cmdline, cgroup; kinds service, database, cache, queue, external; '#' starts a comment. A value runs to the
/// end of the line (a command line may hold spaces) except for a last word "kind=…". First match wins. Errors
/// name file:line.
/// </summary>
internal sealed class ServiceMapping
{
    private const string KindPrefix = "kind=";
    private static readonly string[] Keys = ["comm", "cmdline", "cgroup"];

    public ServiceMapping(IReadOnlyList<ServiceMappingRule> rules)
    {
        Rules = rules;
    }

    public static ServiceMapping Empty { get; } = new([]);

    public IReadOnlyList<ServiceMappingRule> Rules { get; }

    public static ServiceMapping Parse(string text, string source)
    {
        var rules = new List<ServiceMappingRule>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            line = (hash >= 0 ? line[..hash] : line).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var where = $"{source}:{i + 1}";
            var space = line.IndexOfAny([' ', '\t']);
            if (space <= 0)
            {
                throw new FormatException($"{where}: expected \"<service> <key>=<value> [kind=<kind>]\", got \"{line}\"");
            }

            var service = line[..space];
            var rest = line[space..].Trim();
            Contracts.ServiceKind? kind = null;
            var lastSpace = rest.LastIndexOfAny([' ', '\t']);
            if (lastSpace > 0 && rest[(lastSpace + 1)..].StartsWith(KindPrefix, StringComparison.Ordinal))
            {
                var spelled = rest[(lastSpace + 1 + KindPrefix.Length)..];
                if (!KindInference.TryParse(spelled, out var parsed))
                {
                    throw new FormatException($"{where}: kind must be one of {KindInference.Names}, got \"{spelled}\"");
                }

                kind = parsed;
                rest = rest[..lastSpace].TrimEnd();
            }

            var equals = rest.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new FormatException($"{where}: expected \"<service> <key>=<value> [kind=<kind>]\", got \"{line}\"");
            }

            var key = rest[..equals].Trim();
            var value = rest[(equals + 1)..].Trim();
            if (!Keys.Contains(key) || value.Length == 0)
            {
                throw new FormatException($"{where}: key must be one of {string.Join(", ", Keys)} with a value, got \"{key}\"");
            }

            if (key == "cgroup" && value.Trim('/').Length == 0)
            {
                throw new FormatException($"{where}: a cgroup value names path segments (\"rclab/cart\"), got \"{value}\"");
            }

            rules.Add(new ServiceMappingRule(service, key, value, kind));
        }

        return new ServiceMapping(rules);
    }

    /// <summary>The first rule <paramref name="process"/> matches, or null.</summary>
    public ServiceMappingRule? Match(ProcessInfo process) => Rules.FirstOrDefault(r => r.Matches(process));
}
