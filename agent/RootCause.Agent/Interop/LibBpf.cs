namespace RootCause.Agent.Interop;

/// <summary>P/Invoke surface of libbpf.so.1; one entry point per file (LibBpf.*.cs).</summary>
internal static partial class LibBpf
{
    public const string Library = "libbpf.so.1";
}
