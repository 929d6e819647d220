using System.Globalization;
using System.Net;

namespace RootCause.Lab.Service;

/// <summary>
/// Parses the lab's command line (see /tmp/lab-contract.md): one error line for anything wrong, so that a bad
/// start is visible in the lab's log and ends with exit code 2.
/// </summary>
internal static class ServiceCommandLine
{
    public const string Usage =
        "usage: rootcause-lab-service --role gateway|catalog|cart|checkout|payment|load [--listen IP:PORT] [--control FILE] " +
        "[--upstream NAME=http://IP:PORT]... [--postgres CONNECTION] [--redis IP:PORT] [--target http://IP:PORT] [--rate R]";

    /// <summary>Highest --rate accepted; far above what the lab's two cores can serve.</summary>
    public const double MaximumRate = 10_000;

    private static readonly IReadOnlyDictionary<ServiceRole, string[]> RequiredUpstreams = new Dictionary<ServiceRole, string[]>
    {
        [ServiceRole.Gateway] = ["catalog", "cart", "checkout"],
        [ServiceRole.Checkout] = ["cart", "payment"],
    };

    public static (ServiceOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        ServiceRole? role = null;
        IPEndPoint? listen = null, redis = null;
        string? control = null, postgres = null;
        Uri? target = null;
        double? rate = null;
        var upstreams = new Dictionary<string, Uri>(StringComparer.Ordinal);

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return Fail(name.StartsWith("--", StringComparison.Ordinal) ? $"{name} needs a value" : $"unexpected argument '{name}'");
            }

            var value = args[++i];
            string? error = name switch
            {
                "--role" => Once(name, role, ParseRole(value, out var r), () => role = r),
                "--listen" => Once(name, listen, ParseEndPoint(name, value, out var l), () => listen = l),
                "--control" => Once(name, control, value.Length == 0 ? "--control needs a file path" : null, () => control = value),
                "--upstream" => AddUpstream(value, upstreams),
                "--postgres" => Once(name, postgres, value.Length == 0 ? "--postgres needs a connection string" : null, () => postgres = value),
                "--redis" => Once(name, redis, ParseEndPoint(name, value, out var d), () => redis = d),
                "--target" => Once(name, target, ParseHttpBase(name, value, out var t), () => target = t),
                "--rate" => Once(name, rate, ParseRate(value, out var q), () => rate = q),
                _ => $"unknown option '{name}'",
            };
            if (error is not null)
            {
                return Fail(error);
            }
        }

        if (role is not { } known)
        {
            return Fail("--role is required");
        }

        var roleError = CheckRole(known, listen, upstreams, postgres, redis, target, rate);
        return roleError is not null
            ? Fail(roleError)
            : (new ServiceOptions(known, listen, control, upstreams, postgres, redis, target, rate ?? ServiceOptions.DefaultRate), null);
    }

    private static string? CheckRole(
        ServiceRole role, IPEndPoint? listen, Dictionary<string, Uri> upstreams, string? postgres, IPEndPoint? redis, Uri? target, double? rate)
    {
        var roleName = role.ToString().ToLowerInvariant();
        var isLoad = role == ServiceRole.Load;
        if (!isLoad && listen is null)
        {
            return $"--listen IP:PORT is required for --role {roleName}";
        }

        if (isLoad && listen is not null)
        {
            return "--listen is not used by --role load";
        }

        var required = RequiredUpstreams.GetValueOrDefault(role, []);
        foreach (var name in upstreams.Keys.Where(n => !required.Contains(n)))
        {
            return required.Length == 0
                ? $"--role {roleName} calls no upstream (got --upstream {name}=...)"
                : $"--role {roleName} has no upstream '{name}' (it calls {string.Join(", ", required)})";
        }

        foreach (var name in required.Where(n => !upstreams.ContainsKey(n)))
        {
            return $"--role {roleName} needs --upstream {name}=http://IP:PORT";
        }

        return (role, postgres, redis, target, rate) switch
        {
            (ServiceRole.Catalog, null, _, _, _) => "--postgres CONNECTION is required for --role catalog",
            (not ServiceRole.Catalog, not null, _, _, _) => $"--postgres is used only by --role catalog, not {roleName}",
            (ServiceRole.Cart, _, null, _, _) => "--redis IP:PORT is required for --role cart",
            (not ServiceRole.Cart, _, not null, _, _) => $"--redis is used only by --role cart, not {roleName}",
            (ServiceRole.Load, _, _, null, _) => "--target http://IP:PORT is required for --role load",
            (not ServiceRole.Load, _, _, not null, _) => $"--target is used only by --role load, not {roleName}",
            (not ServiceRole.Load, _, _, _, not null) => $"--rate is used only by --role load, not {roleName}",
            _ => null,
        };
    }

    private static (ServiceOptions?, string?) Fail(string error) => (null, error);

    private static string? Once<T>(string name, T? current, string? error, Action assign)
    {
        if (current is not null)
        {
            return $"{name} given twice";
        }

        if (error is null)
        {
            assign();
        }

        return error;
    }

    private static string? ParseRole(string value, out ServiceRole role)
    {
        role = default;
        var known = Enum.GetValues<ServiceRole>().Where(r => r.ToString().Equals(value, StringComparison.OrdinalIgnoreCase)).ToList();
        if (known.Count == 0)
        {
            return $"unknown role '{value}' (gateway, catalog, cart, checkout, payment or load)";
        }

        role = known[0];
        return null;
    }

    private static string? ParseEndPoint(string name, string value, out IPEndPoint? endPoint)
    {
        endPoint = null;
        var colon = value.LastIndexOf(':');
        if (colon <= 0
            || !IPAddress.TryParse(value.AsSpan(0, colon).Trim("[]"), out var address)
            || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
        {
            return $"{name} '{value}' is not IP:PORT (e.g. 10.231.0.10:8080)";
        }

        endPoint = new IPEndPoint(address, port);
        return null;
    }

    private static string? ParseHttpBase(string name, string value, out Uri? uri)
    {
        uri = null;
        const string Scheme = "http://";
        var hostAndPort = value.StartsWith(Scheme, StringComparison.Ordinal) ? value[Scheme.Length..].TrimEnd('/') : string.Empty;
        if (hostAndPort.Contains('/', StringComparison.Ordinal) || ParseEndPoint(name, hostAndPort, out var endPoint) is not null)
        {
            return $"{name} '{value}' is not http://IP:PORT";
        }

        uri = new Uri($"{Scheme}{endPoint}/");
        return null;
    }

    private static string? AddUpstream(string value, Dictionary<string, Uri> upstreams)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return $"--upstream '{value}' is not NAME=http://IP:PORT";
        }

        var name = value[..equals];
        var error = ParseHttpBase("--upstream " + name, value[(equals + 1)..], out var uri);
        if (error is not null)
        {
            return error;
        }

        return upstreams.TryAdd(name, uri!) ? null : $"--upstream {name} given twice";
    }

    private static string? ParseRate(string value, out double rate)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out rate) || !(rate > 0) || rate > MaximumRate)
        {
            return $"--rate '{value}' is not a number of requests per second in (0, {MaximumRate.ToString(CultureInfo.InvariantCulture)}]";
        }

        return null;
    }
}
