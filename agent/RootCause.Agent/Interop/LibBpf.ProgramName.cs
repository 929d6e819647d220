using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

internal static partial class LibBpf
{
    /// <summary>const char *bpf_program__name(const struct bpf_program *prog). Returned as nint: the string belongs to libbpf.</summary>
    [LibraryImport(Library, EntryPoint = "bpf_program__name")]
    public static partial nint ProgramName(BpfProgramHandle program);
}
