using System.Buffers;

namespace RootCause.Agent.Protocols.Redis;

/// <summary>Command names as operations: upper-cased (GET, HINCRBY, JSON.GET), anything else one bounded name.</summary>
internal static class RedisCommandNames
{
    public const string Unknown = "UNKNOWN";

    /// <summary>Characters of command names, module commands (JSON.GET) included.</summary>
    public static readonly SearchValues<byte> Characters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-|:"u8);

    public static string Of(ReadOnlySpan<byte> name) =>
        name.IsEmpty || name.Length > RespStreamParser.MaxCommandName || name.IndexOfAnyExcept(Characters) >= 0
            ? Unknown
            : string.Create(name.Length, name.ToArray(), static (chars, bytes) =>
            {
                for (var i = 0; i < bytes.Length; i++)
                {
                    chars[i] = char.ToUpperInvariant((char)bytes[i]);
                }
            });
}
