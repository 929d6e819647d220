using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

internal static partial class LibBpf
{
    /// <summary>int ring_buffer__consume(struct ring_buffer *rb): drains without waiting.</summary>
    [LibraryImport(Library, EntryPoint = "ring_buffer__consume")]
    public static partial int RingBufferConsume(RingBufferHandle ringBuffer);
}
