using Microsoft.Extensions.Logging;
using RootCause.Contracts;

namespace RootCause.Server.Analyses;

internal static partial class AnalysisLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Analysis {Id} queued: {Kpi} of {Service} at {At:O} from {Source}")]
    public static partial void Queued(ILogger logger, Guid id, string kpi, string service, DateTimeOffset at, string source);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Analysis queue is full ({Capacity}); refused {Kpi} of {Service}")]
    public static partial void QueueFull(ILogger logger, int capacity, string kpi, string service);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Analysis {Id} done in {ElapsedMs} ms: {Outcome}, {Causes} root causes")]
    public static partial void Done(ILogger logger, Guid id, long elapsedMs, AnalysisOutcome outcome, int causes);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Analysis {Id} failed")]
    public static partial void Failed(ILogger logger, Guid id, Exception exception);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Analysis {Id} was dequeued but is no longer in the report store")]
    public static partial void Vanished(ILogger logger, Guid id);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error, Message = "Report of analysis {Id} could not be published on the bus")]
    public static partial void PublishFailed(ILogger logger, Guid id, Exception exception);
}
