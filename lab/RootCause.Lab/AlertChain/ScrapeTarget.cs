namespace RootCause.Lab.AlertChain;

/// <summary>How Prometheus' scrape of RootCause's /metrics went last (GET /api/v1/targets).</summary>
/// <param name="Health">"up", "down" or "unknown" (not scraped yet).</param>
/// <param name="LastError">Why the last scrape failed; empty when it did not.</param>
/// <param name="LastScrape">When it was last scraped; null before the first scrape.</param>
public sealed record ScrapeTarget(string Url, string Health, string LastError, DateTimeOffset? LastScrape);
