using Microsoft.Extensions.Logging;

namespace RootCause.Server.Telemetry;

internal static partial class TelemetryLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Dropped a metric batch from agent {AgentId}: {Problem}")]
    public static partial void Rejected(ILogger logger, string? agentId, string problem);
}
