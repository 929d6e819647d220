using System.Runtime.InteropServices;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>libc calls the network-namespace tests need.</summary>
internal static partial class NativeMethods
{
    public const int CloneNewNet = 0x40000000;

    /// <summary>int setns(int fd, int nstype): moves the calling thread only.</summary>
    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    public static partial int SetNs(int fd, int namespaceType);

    /// <summary>SIOCOUTQ: bytes in a TCP socket's send queue not yet acknowledged by the peer.</summary>
    public const nuint SiocOutQ = 0x5411;

    /// <summary>int ioctl(int fd, unsigned long request, int *value).</summary>
    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int IoctlInt(nint fd, nuint request, out int value);
}
