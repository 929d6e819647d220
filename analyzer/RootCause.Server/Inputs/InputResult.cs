using System.Diagnostics.CodeAnalysis;

namespace RootCause.Server.Inputs;

/// <summary>A parsed input or the error that rejected it; bad input is an outcome, not an exception.</summary>
internal sealed record InputResult<T>(T? Value, InputError? Error)
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    public static InputResult<T> Ok(T value) => new(value, null);

    public static InputResult<T> Fail(InputError error) => new(default, error);

    public static InputResult<T> Fail(string detail, string? path = null) => new(default, new InputError("Invalid request body", detail, path));
}
