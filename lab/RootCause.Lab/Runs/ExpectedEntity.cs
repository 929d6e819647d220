namespace RootCause.Lab.Runs;

/// <summary>
/// What a report should blame for an injected fault: a service (named by the service or one of its
/// instances), or a link between two services (named by a network or call edge between them, either way).
/// Kept apart from the report's own entity names, which carry instance ids and addresses.
/// </summary>
public sealed record ExpectedEntity(string Service, string? LinkSource = null)
{
    public static ExpectedEntity OfService(string service) => new(service);

    public static ExpectedEntity OfLink(string source, string destination) => new(destination, source);

    public bool IsLink => LinkSource is not null;

    public override string ToString() => IsLink ? $"link {LinkSource} -> {Service}" : $"service {Service}";
}
