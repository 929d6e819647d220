namespace RootCause.Lab.Tests.Service;

/// <summary>A test against a real server; skipped with a one-line reason when it cannot run here, except under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ServerFactAttribute : FactAttribute
{
    public ServerFactAttribute(string server)
    {
        Server = server;
        if (LabServers.MissingReason(server) is { } reason && !LabServers.IsCi)
        {
            Skip = reason;
        }
    }

    public string Server { get; }
}
