using System.Diagnostics;
using System.Globalization;

// GET /        answers "ok" at once (the worst case for the agent: all overhead, no work).
// GET /work    spins for ?us= microseconds of CPU first (default 1000): a service that does something.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var port = int.Parse(Environment.GetEnvironmentVariable("BENCH_PORT") ?? "18181", CultureInfo.InvariantCulture);
builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port));
var app = builder.Build();
app.MapGet("/", () => "ok");
app.MapGet("/work", (int? us) =>
{
    var until = Stopwatch.GetTimestamp() + (long)((us ?? 1000) * (Stopwatch.Frequency / 1e6));
    var spins = 0L;
    while (Stopwatch.GetTimestamp() < until)
    {
        spins++;
    }

    return spins >= 0 ? "done" : "never";
});
app.Run();
