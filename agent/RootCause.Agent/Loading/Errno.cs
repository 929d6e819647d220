namespace RootCause.Agent.Loading;

/// <summary>errno values in words, for messages.</summary>
internal static class Errno
{
    public static string Describe(int errno) => errno switch
    {
        1 => "EPERM, operation not permitted",
        2 => "ENOENT, no such file or hook",
        7 => "E2BIG, argument list too long",
        12 => "ENOMEM, out of memory or memlock limit",
        13 => "EACCES, permission denied",
        16 => "EBUSY, busy",
        22 => "EINVAL, invalid argument",
        95 => "EOPNOTSUPP, not supported",
        524 => "ENOTSUPP, not supported by this kernel",
        _ => "errno " + errno.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
