using System.Text;

namespace RootCause.Server.Reports;

/// <summary>
/// Escapes untrusted text (service names from webhooks, label values) so it stays literal text in Markdown:
/// it can neither start a block (heading, list, quote), nor form links, emphasis, attributes or table cells.
/// </summary>
internal static class MarkdownText
{
    // Inline syntax of CommonMark and of the Markdig extensions we enable (tables, emphasis extras, math,
    // footnotes, citations, abbreviations). Any ASCII punctuation may be backslash-escaped in CommonMark.
    // Parentheses only form links after a bracket and brackets are escaped, so prose keeps them plain.
    private const string Special = "\\`*_{}[]<>#+!|~^=$&";

    // Characters that only mean something at the start of a block.
    private const string BlockStart = "-:.;'@%/?,\"";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 8);
        var leadingDigits = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                // Newlines and tabs would start new blocks or break table rows.
                sb.Append(' ');
                leadingDigits = false;
                continue;
            }

            var atStart = sb.Length == 0;
            if (Special.Contains(c, StringComparison.Ordinal) || (atStart && BlockStart.Contains(c, StringComparison.Ordinal)))
            {
                sb.Append('\\');
            }
            else if (leadingDigits && !char.IsAsciiDigit(c) && (c == '.' || c == ')') && i > 0)
            {
                // "1. x" or "1) x" at the start would become an ordered list.
                sb.Append('\\');
            }

            if (!char.IsAsciiDigit(c))
            {
                leadingDigits = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
