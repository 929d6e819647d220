using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

internal static partial class LibBpf
{
    /// <summary>void bpf_object__close(struct bpf_object *obj): unloads programs and maps not pinned or linked.</summary>
    [LibraryImport(Library, EntryPoint = "bpf_object__close")]
    public static partial void ObjectClose(nint bpfObject);
}
