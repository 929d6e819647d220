using System.Text.Encodings.Web;
using Markdig;
using Markdig.Extensions.GenericAttributes;
using Markdig.Extensions.MediaLinks;
using RootCause.Contracts;

namespace RootCause.Server.Reports;

/// <summary>
/// Renders a report as one self-contained HTML page: the Markdown form through Markdig with raw HTML off,
/// an inline stylesheet and a Content-Security-Policy that forbids scripts even if something slipped through.
/// </summary>
public static class ReportHtml
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private static readonly MarkdownPipeline Pipeline = CreatePipeline();

    private const string Style = """
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;background:#f7f8fa;margin:0}
        main{max-width:1100px;margin:0 auto;padding:24px 32px;background:#fff;min-height:100vh}
        h1{font-size:1.6em;border-bottom:3px solid #c0392b;padding-bottom:.3em}
        h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #dde1e7}
        h3{font-size:1.05em;margin-top:1.3em}
        table{border-collapse:collapse;margin:.6em 0 1em;font-size:.95em}
        th,td{border:1px solid #dde1e7;padding:4px 10px;text-align:left;vertical-align:top}
        th{background:#eef1f5}
        tr:nth-child(even) td{background:#fafbfc}
        code{background:#eef1f5;padding:1px 4px;border-radius:3px}
        """;

    public static string Render(RootCauseReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = Markdown.ToHtml(ReportMarkdown.Render(report), Pipeline);
        var title = HtmlEncoder.Default.Encode($"RootCause: {report.Symptom.Kpi} of {report.Symptom.Service}");
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="{ContentSecurityPolicy}">
            <title>{title}</title>
            <style>
            {Style}
            </style>
            </head>
            <body>
            <main>
            {body}
            </main>
            </body>
            </html>

            """;
    }

    private static MarkdownPipeline CreatePipeline()
    {
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml();

        // Generic attributes would let text like {onclick=...} become an HTML attribute, and media links turn
        // URLs into iframes; neither belongs in a page built from untrusted names.
        builder.Extensions.RemoveAll(e => e is GenericAttributesExtension or MediaLinkExtension);
        return builder.Build();
    }
}
