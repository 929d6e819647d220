namespace RootCause.Server.Telemetry;

/// <summary>The labels of one exported golden-metric series.</summary>
/// <param name="Service">The measured service: the server, or the caller on the client side.</param>
/// <param name="Instance">Its instance.</param>
/// <param name="Route">The operation (method and normalised route), exported as <c>http_route</c>.</param>
/// <param name="Peer">The other end: the caller on the server side, the callee on the client side.</param>
internal readonly record struct GoldenSeriesKey(string Service, string Instance, string Route, string Peer)
{
    /// <summary>What the key's label values cost against the label budget.</summary>
    public long LabelCharacters => (long)Service.Length + Instance.Length + Route.Length + Peer.Length;

    public static int CompareOrdinal(GoldenSeriesKey a, GoldenSeriesKey b)
    {
        var c = string.CompareOrdinal(a.Service, b.Service);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Instance, b.Instance);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Route, b.Route);
        }

        return c == 0 ? string.CompareOrdinal(a.Peer, b.Peer) : c;
    }
}
