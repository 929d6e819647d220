namespace RootCause.Server.Inputs;

/// <summary>One alert of a webhook group. Times stay strings so a bad one is reported with its exact path.</summary>
internal sealed class WebhookAlert
{
    public string? Status { get; set; }

    public Dictionary<string, string?>? Labels { get; set; }

    public string? StartsAt { get; set; }

    public string? EndsAt { get; set; }

    public string? Fingerprint { get; set; }
}
