namespace RootCause.Lab;

/// <summary>What a lab member is; it decides how the member is started and the kind in the agent's mapping file.</summary>
public enum LabMemberKind
{
    Service,
    Database,
    Cache,
    LoadGenerator,
}
