namespace RootCause.Lab;

/// <summary>The lab could not do something it must (build a part, start a server, apply or remove a fault); the message says what and why.</summary>
public class LabException : Exception
{
    public LabException()
    {
    }

    public LabException(string message)
        : base(message)
    {
    }

    public LabException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
