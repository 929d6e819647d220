using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

internal static partial class LibBpf
{
    /// <summary>struct bpf_object *bpf_object__open_mem(const void *obj_buf, size_t obj_buf_sz, const struct bpf_object_open_opts *opts).</summary>
    [LibraryImport(Library, EntryPoint = "bpf_object__open_mem", SetLastError = true)]
    public static unsafe partial BpfObjectHandle ObjectOpenMem(byte* buffer, nuint size, nint options);
}
