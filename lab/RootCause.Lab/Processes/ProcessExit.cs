namespace RootCause.Lab;

/// <summary>One exit of a supervised process.</summary>
/// <param name="ExitCode">128 + the signal when a signal ended it (137: SIGKILL, as after an OOM kill).</param>
/// <param name="Requested">The lab stopped it (teardown, service_down); otherwise it died by itself.</param>
public sealed record ProcessExit(DateTimeOffset At, int ExitCode, bool Requested);
