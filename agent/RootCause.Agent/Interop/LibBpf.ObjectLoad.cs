using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

internal static partial class LibBpf
{
    /// <summary>int bpf_object__load(struct bpf_object *obj): 0 or a negative errno.</summary>
    [LibraryImport(Library, EntryPoint = "bpf_object__load")]
    public static partial int ObjectLoad(BpfObjectHandle bpfObject);
}
