using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

internal static partial class LibBpf
{
    /// <summary>int bpf_map__fd(const struct bpf_map *map): the map's fd, owned by the object.</summary>
    [LibraryImport(Library, EntryPoint = "bpf_map__fd")]
    public static partial int MapFd(BpfMapHandle map);
}
