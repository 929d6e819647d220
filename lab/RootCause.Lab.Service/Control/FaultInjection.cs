namespace RootCause.Lab.Service.Control;

/// <summary>
/// Applies the slow-service and bad-release switches to every request of an HTTP role (health checks excepted, so the
/// lab can still tell a faulty service from a dead one): first the added latency, then an injected 500.
/// </summary>
internal sealed class FaultInjection(ControlFile control, TimeProvider time)
{
    public const string HealthPath = "/healthz";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.Equals(HealthPath, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var switches = control.Current;
        if (switches.AddedLatencyMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(switches.AddedLatencyMs), time, context.RequestAborted);
        }

        if (switches.ErrorRate > 0 && Random.Shared.NextDouble() < switches.ErrorRate)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new { error = "injected error (errorRate switch)" }, context.RequestAborted);
            return;
        }

        await next(context);
    }
}
