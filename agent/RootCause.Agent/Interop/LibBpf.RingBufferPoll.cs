using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

internal static partial class LibBpf
{
    /// <summary>int ring_buffer__poll(struct ring_buffer *rb, int timeout_ms): records consumed, or a negative errno.</summary>
    [LibraryImport(Library, EntryPoint = "ring_buffer__poll")]
    public static partial int RingBufferPoll(RingBufferHandle ringBuffer, int timeoutMilliseconds);
}
