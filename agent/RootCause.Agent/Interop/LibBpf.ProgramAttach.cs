using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

internal static partial class LibBpf
{
    /// <summary>struct bpf_link *bpf_program__attach(const struct bpf_program *prog): attach point from the SEC() name; NULL and errno on failure.</summary>
    [LibraryImport(Library, EntryPoint = "bpf_program__attach", SetLastError = true)]
    public static partial BpfLinkHandle ProgramAttach(BpfProgramHandle program);
}
