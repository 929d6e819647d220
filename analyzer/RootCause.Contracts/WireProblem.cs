namespace RootCause.Contracts;

/// <summary>What is wrong with a message from outside and where: a JSON path such as "$[0].golden[2].stats".</summary>
public sealed record WireProblem(string Path, string Problem)
{
    public override string ToString() => $"{Path}: {Problem}";
}
