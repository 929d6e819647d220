using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

internal static partial class LibBpf
{
    /// <summary>int bpf_map__lookup_elem(const struct bpf_map *map, const void *key, size_t key_sz, void *value, size_t value_sz, __u64 flags).</summary>
    [LibraryImport(Library, EntryPoint = "bpf_map__lookup_elem")]
    public static unsafe partial int MapLookupElem(BpfMapHandle map, void* key, nuint keySize, void* value, nuint valueSize, ulong flags);
}
