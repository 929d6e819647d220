using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RootCause.Analysis.FaultTrees;

/// <summary>
/// Turns YAML text into <see cref="SourceNode"/>s from YamlDotNet's parser events. Fault-tree files are
/// hostile input: size and nesting are bounded, aliases are refused (they make expansion bombs possible),
/// and every failure becomes an error with a position rather than an exception.
/// </summary>
internal static class YamlSourceReader
{
    /// <summary>Far above any real tree (the default one is a few kilobytes).</summary>
    public const int MaxTextLength = 1024 * 1024;

    /// <summary>Nested mappings and lists; a real tree needs about fifteen.</summary>
    public const int MaxDepth = 64;

    public static SourceNode? Read(string text, FileDiagnostics diagnostics)
    {
        if (text.Length > MaxTextLength)
        {
            diagnostics.Add(SourceMark.FileStart, $"file is larger than the limit of {MaxTextLength} characters");
            return null;
        }

        var parser = new TrackingParser(new Parser(new StringReader(text)));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Add(SourceMark.FileStart, "file is empty");
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, 1, diagnostics);
            if (root is null)
            {
                return null;
            }

            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                diagnostics.Add(ToMark(second.Start), "a file holds one YAML document; remove the second '---'");
                return null;
            }

            return root;
        }
        catch (YamlException e)
        {
            diagnostics.Add(ToMark(e.Start), "YAML syntax error: " + SyntaxMessage(e));
            return null;
        }
        catch (Exception)
        {
            // YamlDotNet throws other exceptions for some malformed input (an unclosed flow mapping spanning
            // lines gives InvalidOperationException); the last event it parsed is where the trouble starts.
            diagnostics.Add(ToMark(parser.LastGood), "YAML syntax error: the document is malformed after this point");
            return null;
        }
    }

    private static SourceNode? ReadNode(IParser parser, int depth, FileDiagnostics diagnostics)
    {
        var current = parser.Current!;
        if (current is NodeEvent { Tag.IsEmpty: false } tagged && !tagged.Tag.IsNonSpecific)
        {
            diagnostics.Add(ToMark(tagged.Start), $"YAML tags such as '{tagged.Tag.Value}' are not supported");
        }

        switch (current)
        {
            case AnchorAlias alias:
                diagnostics.Add(ToMark(alias.Start), $"YAML aliases ('*{alias.Value.Value}') are not supported; write the condition out");
                return null;

            case Scalar scalar:
                parser.MoveNext();
                return new SourceScalar(ToMark(scalar.Start), scalar.Value, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any);

            case SequenceStart start:
                {
                    if (depth > MaxDepth)
                    {
                        diagnostics.Add(ToMark(start.Start), $"nesting deeper than {MaxDepth} levels");
                        return null;
                    }

                    parser.MoveNext();
                    var items = new List<SourceNode>();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        var item = ReadNode(parser, depth + 1, diagnostics);
                        if (item is null)
                        {
                            return null;
                        }

                        items.Add(item);
                    }

                    return new SourceSequence(ToMark(start.Start), items);
                }

            case MappingStart start:
                {
                    if (depth > MaxDepth)
                    {
                        diagnostics.Add(ToMark(start.Start), $"nesting deeper than {MaxDepth} levels");
                        return null;
                    }

                    parser.MoveNext();
                    var entries = new List<SourceEntry>();
                    var firstLineOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyNode = ReadNode(parser, depth + 1, diagnostics);
                        if (keyNode is null)
                        {
                            return null;
                        }

                        var value = ReadNode(parser, depth + 1, diagnostics);
                        if (value is null)
                        {
                            return null;
                        }

                        if (keyNode is not SourceScalar key)
                        {
                            diagnostics.Add(keyNode.Start, $"a key must be a plain name, not {keyNode.Describe()}");
                        }
                        else if (firstLineOfKey.TryGetValue(key.Value, out var firstLine))
                        {
                            diagnostics.Add(key.Start, $"duplicate key '{key.Value}' (first at line {firstLine})");
                        }
                        else
                        {
                            firstLineOfKey.Add(key.Value, key.Start.Line);
                            entries.Add(new SourceEntry(key, value));
                        }
                    }

                    return new SourceMapping(ToMark(start.Start), entries);
                }

            default:
                diagnostics.Add(ToMark(current.Start), "unexpected YAML structure");
                return null;
        }
    }

    private static SourceMark ToMark(Mark mark) =>
        new((int)Math.Clamp(mark.Line, 1, int.MaxValue), (int)Math.Clamp(mark.Column, 1, int.MaxValue));

    /// <summary>YamlDotNet prefixes its messages with "(Line: 1, Col: 2, Idx: 3) - (…): "; we print our own position.</summary>
    private static string SyntaxMessage(YamlException e)
    {
        var message = e.Message;
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && separator >= 0 ? message[(separator + 3)..] : message;
    }

    /// <summary>Remembers where the last event that parsed cleanly ended, for errors the parser reports without a position.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastGood { get; private set; } = new(0, 1, 1);

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (inner.Current is { } current)
            {
                LastGood = current.End;
            }

            return inner.MoveNext();
        }
    }
}
