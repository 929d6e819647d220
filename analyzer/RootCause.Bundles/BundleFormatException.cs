namespace RootCause.Bundles;

/// <summary>A bundle (or batch array) that is not valid: the message says what and where.</summary>
public sealed class BundleFormatException : Exception
{
    public BundleFormatException()
    {
    }

    public BundleFormatException(string message)
        : base(message)
    {
    }

    public BundleFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BundleFormatException(string message, string? jsonPath, long? line, Exception? innerException = null)
        : base(message, innerException)
    {
        JsonPath = jsonPath;
        Line = line;
    }

    /// <summary>JSON path of the offending value, e.g. "$.batches[3].golden[0].stats", when known.</summary>
    public string? JsonPath { get; }

    /// <summary>1-based line of the offending value, when the parser knows it.</summary>
    public long? Line { get; }
}
