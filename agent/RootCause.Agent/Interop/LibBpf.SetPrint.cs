using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

internal static partial class LibBpf
{
    /// <summary>libbpf_print_fn_t libbpf_set_print(libbpf_print_fn_t fn): routes libbpf's messages (the verifier log among them).</summary>
    [LibraryImport(Library, EntryPoint = "libbpf_set_print")]
    public static unsafe partial nint SetPrint(delegate* unmanaged[Cdecl]<int, nint, nint, int> print);
}
