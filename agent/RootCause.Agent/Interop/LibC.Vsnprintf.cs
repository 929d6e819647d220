using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

internal static partial class LibC
{
    /// <summary>int vsnprintf(char *str, size_t size, const char *format, va_list ap): formats libbpf's messages; va_list arrives as a pointer.</summary>
    [LibraryImport(Library, EntryPoint = "vsnprintf")]
    public static unsafe partial int Vsnprintf(byte* buffer, nuint size, nint format, nint arguments);
}
