namespace RootCause.Evaluation.Nezha;

/// <summary>
/// Kubernetes pod names of a Deployment: "&lt;deployment&gt;-&lt;replica-set hash&gt;-&lt;pod suffix&gt;"
/// (cartservice-579f59597d-wc2lz). The service is the deployment: the name without its two hash parts.
/// </summary>
internal static class PodNames
{
    /// <summary>The service a pod belongs to, or null when the name has no two hash parts to drop.</summary>
    public static string? ServiceOf(string pod)
    {
        var parts = pod.Split('-');
        if (parts.Length < 3 || parts.Any(p => p.Length == 0) || !IsHash(parts[^1]) || !IsHash(parts[^2]))
        {
            return null;
        }

        return string.Join('-', parts[..^2]);
    }

    /// <summary>Kubernetes generates both hash parts from lower-case letters and digits.</summary>
    private static bool IsHash(string part) => part.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c));
}
