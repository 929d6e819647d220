using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

internal static partial class LibBpf
{
    /// <summary>struct bpf_program *bpf_object__next_program(const struct bpf_object *obj, struct bpf_program *prev); NULL at the end.</summary>
    [LibraryImport(Library, EntryPoint = "bpf_object__next_program")]
    public static partial nint ObjectNextProgram(BpfObjectHandle bpfObject, nint previous);
}
