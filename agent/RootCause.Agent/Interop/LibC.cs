namespace RootCause.Agent.Interop;

/// <summary>P/Invoke surface of the C library; one entry point per file (LibC.*.cs).</summary>
internal static partial class LibC
{
    public const string Library = "libc";
}
