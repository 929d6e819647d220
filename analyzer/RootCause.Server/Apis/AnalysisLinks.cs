namespace RootCause.Server.Apis;

/// <summary>Where to find an analysis and its report.</summary>
internal sealed record AnalysisLinks(string Self, string Html, string Markdown)
{
    public static AnalysisLinks For(Guid id) => new($"/api/v1/analyses/{id:D}", $"/reports/{id:D}", $"/reports/{id:D}.md");
}
