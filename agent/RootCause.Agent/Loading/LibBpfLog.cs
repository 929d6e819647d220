using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using RootCause.Agent.Interop;

namespace RootCause.Agent.Loading;

/// <summary>
/// Collects libbpf's messages (warnings and the verifier log on a rejected program) so that a load failure
/// can show them; debug chatter is dropped. Process-wide, as libbpf's print hook is.
/// </summary>
internal static class LibBpfLog
{
    private const int MaxChars = 256 * 1024;
    private static readonly Lock Gate = new();
    private static readonly StringBuilder Buffer = new();
    private static bool installed;

    public static unsafe void Install()
    {
        lock (Gate)
        {
            if (installed)
            {
                return;
            }

            LibBpf.SetPrint(&Print);
            installed = true;
        }
    }

    /// <summary>Returns and clears what libbpf printed since the last call.</summary>
    public static string Take()
    {
        lock (Gate)
        {
            var text = Buffer.ToString();
            Buffer.Clear();
            return text;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe int Print(int level, nint format, nint arguments)
    {
        // An exception escaping into native code would kill the process.
        try
        {
            const int LevelDebug = 2;
            if (level >= LevelDebug)
            {
                return 0;
            }

            const int Size = 16 * 1024;
            var bytes = stackalloc byte[Size];
            var written = LibC.Vsnprintf(bytes, Size, format, arguments);
            if (written <= 0)
            {
                return 0;
            }

            var text = Encoding.UTF8.GetString(bytes, Math.Min(written, Size - 1));
            lock (Gate)
            {
                if (Buffer.Length + text.Length <= MaxChars)
                {
                    Buffer.Append(text);
                }
            }
        }
        catch
        {
        }

        return 0;
    }
}
