namespace RootCause.Agent.Http;

/// <summary>What the request a response answers says about the response's body.</summary>
internal enum ResponseFraming
{
    /// <summary>Framed by its own headers.</summary>
    Normal,

    /// <summary>Answers HEAD: headers only.</summary>
    NoBody,

    /// <summary>Answers CONNECT: a 2xx turns the connection into a tunnel.</summary>
    Tunnel,
}
