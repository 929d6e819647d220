using Microsoft.Extensions.Options;

namespace RootCause.Server.Analyses;

/// <summary>The embedded report store: the last <see cref="ReportStoreOptions.Capacity"/> analyses, oldest evicted first.</summary>
internal sealed class InMemoryReportStore(IOptions<ReportStoreOptions> options) : IReportStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, LinkedListNode<AnalysisRecord>> _byId = [];
    private readonly LinkedList<AnalysisRecord> _order = new();
    private readonly int _capacity = Math.Max(1, options.Value.Capacity);

    public ValueTask SaveAsync(AnalysisRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (_byId.TryGetValue(record.Id, out var node))
            {
                // Updates keep their place: age counts from when the analysis was queued.
                node.Value = record;
            }
            else
            {
                _byId[record.Id] = _order.AddLast(record);
                while (_order.Count > _capacity)
                {
                    _byId.Remove(_order.First!.Value.Id);
                    _order.RemoveFirst();
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<AnalysisRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_byId.TryGetValue(id, out var node) ? node.Value : null);
        }
    }

    public ValueTask<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_byId.Remove(id, out var node))
            {
                return ValueTask.FromResult(false);
            }

            _order.Remove(node);
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<int> CountAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_byId.Count);
        }
    }
}
