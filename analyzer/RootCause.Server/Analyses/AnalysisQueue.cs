using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace RootCause.Server.Analyses;

/// <summary>The bounded queue between the HTTP intake and the analysis workers.</summary>
internal sealed class AnalysisQueue(IOptions<AnalysisQueueOptions> options)
{
    private readonly Channel<Guid> _channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(Math.Max(1, options.Value.Capacity))
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = options.Value.Workers <= 1,
        SingleWriter = false,
    });

    public int Capacity { get; } = Math.Max(1, options.Value.Capacity);

    /// <summary>Analyses waiting; the fill level tells whether the workers keep up.</summary>
    public int Count => _channel.Reader.Count;

    public bool TryEnqueue(Guid id) => _channel.Writer.TryWrite(id);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
