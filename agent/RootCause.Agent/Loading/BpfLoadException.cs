namespace RootCause.Agent.Loading;

/// <summary>The programs could not be opened, loaded or attached; the message says why in plain words.</summary>
internal sealed class BpfLoadException : Exception
{
    public BpfLoadException(string message, string? libbpfLog = null)
        : base(message)
    {
        LibBpfLog = libbpfLog ?? string.Empty;
    }

    public BpfLoadException()
        : this("The BPF programs could not be loaded")
    {
    }

    public BpfLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        LibBpfLog = string.Empty;
    }

    /// <summary>libbpf's output during the failure: for a rejected program, the verifier log.</summary>
    public string LibBpfLog { get; }
}
