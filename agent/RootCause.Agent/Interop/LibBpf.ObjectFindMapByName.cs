using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

internal static partial class LibBpf
{
    /// <summary>struct bpf_map *bpf_object__find_map_by_name(const struct bpf_object *obj, const char *name).</summary>
    [LibraryImport(Library, EntryPoint = "bpf_object__find_map_by_name", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint ObjectFindMapByName(BpfObjectHandle bpfObject, string name);
}
