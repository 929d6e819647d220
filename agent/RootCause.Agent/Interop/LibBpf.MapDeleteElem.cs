using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

internal static partial class LibBpf
{
    /// <summary>int bpf_map__delete_elem(const struct bpf_map *map, const void *key, size_t key_sz, __u64 flags).</summary>
    [LibraryImport(Library, EntryPoint = "bpf_map__delete_elem")]
    public static unsafe partial int MapDeleteElem(BpfMapHandle map, void* key, nuint keySize, ulong flags);
}
