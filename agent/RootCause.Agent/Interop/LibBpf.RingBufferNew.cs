using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

internal static partial class LibBpf
{
    /// <summary>struct ring_buffer *ring_buffer__new(int map_fd, ring_buffer_sample_fn sample_cb, void *ctx, const struct ring_buffer_opts *opts).</summary>
    [LibraryImport(Library, EntryPoint = "ring_buffer__new", SetLastError = true)]
    public static unsafe partial RingBufferHandle RingBufferNew(int mapFd, delegate* unmanaged[Cdecl]<nint, nint, nuint, int> sample, nint context, nint options);
}
