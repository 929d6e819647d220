using System.Net;

namespace RootCause.Lab.Service;

/// <summary>The parsed command line of one process; see <see cref="ServiceCommandLine"/> for which role needs what.</summary>
internal sealed record ServiceOptions(
    ServiceRole Role,
    IPEndPoint? Listen,
    string? ControlFile,
    IReadOnlyDictionary<string, Uri> Upstreams,
    string? Postgres,
    IPEndPoint? Redis,
    Uri? Target,
    double Rate)
{
    /// <summary>Requests per second the load role sends when --rate is not given.</summary>
    public const double DefaultRate = 20;

    /// <summary>The base address of a named upstream; the command line has checked that the role's upstreams are present.</summary>
    public Uri Upstream(string name) => Upstreams[name];
}
