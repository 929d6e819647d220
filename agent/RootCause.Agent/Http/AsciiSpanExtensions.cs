using System.Text;

namespace RootCause.Agent.Http;

/// <summary>ASCII comparisons on raw header bytes.</summary>
internal static class AsciiSpanExtensions
{
    public static bool EqualsIgnoreCaseAscii(this ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> other) =>
        Ascii.EqualsIgnoreCase(bytes, other);
}
