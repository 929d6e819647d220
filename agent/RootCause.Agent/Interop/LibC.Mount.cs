using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

internal static partial class LibC
{
    /// <summary>int mount(const char *source, const char *target, const char *fstype, unsigned long flags, const void *data): used to mount tracefs when absent.</summary>
    [LibraryImport(Library, EntryPoint = "mount", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Mount(string source, string target, string fileSystemType, nuint flags, nint data);
}
