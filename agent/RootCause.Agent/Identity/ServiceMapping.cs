namespace RootCause.Agent.Identity;

/// <summary>
/// The operator's mapping file: one rule per line, "&lt;service&gt; &lt;key&gt;=&lt;value&gt;", keys comm, cmdline, cgroup;
/// '#' starts a comment. First match wins. Errors name the line.
/// </summary>
internal sealed class ServiceMapping
{
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

            var space = line.IndexOfAny([' ', '\t']);
            var equals = space < 0 ? -1 : line.IndexOf('=', space);
            if (space <= 0 || equals < 0)
            {
                throw new FormatException($"{source}:{i + 1}: expected \"<service> <key>=<value>\", got \"{line}\"");
            }

            var key = line[space..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (!Keys.Contains(key) || value.Length == 0)
            {
                throw new FormatException($"{source}:{i + 1}: key must be one of {string.Join(", ", Keys)} with a value, got \"{key}\"");
            }

            rules.Add(new ServiceMappingRule(line[..space], key, value));
        }

        return new ServiceMapping(rules);
    }

    public string? Match(ProcessInfo process) => Rules.FirstOrDefault(r => r.Matches(process))?.Service;
}
