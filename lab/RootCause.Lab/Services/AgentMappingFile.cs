namespace RootCause.Lab;

/// <summary>
/// The agent's service mapping file for the lab (read by `rootcause-agent --mapping FILE`): one rule per member,
/// matched on its cgroup. The agent takes the first rule that matches and "rclab/cart" is a substring of
/// "rclab/cart-cache", so the longer names come first.
/// </summary>
public static class AgentMappingFile
{
    public static string Render()
    {
        var lines = new List<string> { "# RootCause lab: one rule per member, first match wins (longer cgroup names first)." };
        foreach (var member in LabLayout.Members.OrderByDescending(m => m.Name.Length).ThenBy(m => m.Name, StringComparer.Ordinal))
        {
            var kind = member.Kind switch
            {
                LabMemberKind.Database => " kind=database",
                LabMemberKind.Cache => " kind=cache",
                _ => string.Empty,
            };
            lines.Add($"{member.Name} cgroup={member.Cgroup}{kind}");
        }

        return string.Join('\n', lines) + "\n";
    }

    public static void Write(string path) => File.WriteAllText(path, Render());
}
