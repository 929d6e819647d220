using System.Collections.Frozen;
using System.Text;
using RootCause.Contracts;

namespace RootCause.Analysis.FaultTrees;

/// <summary>The words fault-tree files use for scopes, entity kinds, service kinds and directions (snake_case enum names).</summary>
internal static class Vocabulary
{
    public static FrozenDictionary<string, EvidenceScope> Scopes { get; } = Of<EvidenceScope>();

    public static FrozenDictionary<string, EntityKind> EntityKinds { get; } = Of<EntityKind>();

    public static FrozenDictionary<string, ServiceKind> ServiceKinds { get; } = Of<ServiceKind>();

    public static FrozenDictionary<string, Direction> Directions { get; } = Of<Direction>();

    public static string Word<T>(T value)
        where T : struct, Enum => SnakeCase(value.ToString());

    public static string SnakeCase(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static FrozenDictionary<string, T> Of<T>()
        where T : struct, Enum => Enum.GetValues<T>().ToFrozenDictionary(Word, v => v, StringComparer.Ordinal);
}
