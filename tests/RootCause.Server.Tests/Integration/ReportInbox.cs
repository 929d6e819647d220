using System.Collections.Concurrent;
using RootCause.Contracts;

namespace RootCause.Server.Tests.Integration;

/// <summary>Collects the <see cref="RootCauseReportPublished"/> events a test subscriber receives.</summary>
public sealed class ReportInbox
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<RootCauseReportPublished>> _waiting = new();

    public void Add(RootCauseReportPublished message) => Slot(message.AnalysisId).TrySetResult(message);

    public Task<RootCauseReportPublished> WaitAsync(Guid id, TimeSpan timeout) => Slot(id).Task.WaitAsync(timeout);

    public bool Received(Guid id) => _waiting.TryGetValue(id, out var slot) && slot.Task.IsCompleted;

    private TaskCompletionSource<RootCauseReportPublished> Slot(Guid id) =>
        _waiting.GetOrAdd(id, _ => new TaskCompletionSource<RootCauseReportPublished>(TaskCreationOptions.RunContinuationsAsynchronously));
}
