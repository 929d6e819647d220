using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging.Console;
using RootCause.Lab.Service.Catalog;
using RootCause.Lab.Service.Control;
using RootCause.Lab.Service.Load;
using RootCause.Lab.Service.Redis;

namespace RootCause.Lab.Service.Roles;

/// <summary>
/// Runs one role: the HTTP roles as a Kestrel server on the --listen address only (HTTP/1.1, keep-alive) with the
/// fault switches in front of every route; the load role as a plain host. Warnings only, on stderr; SIGTERM stops.
/// </summary>
internal static class RoleHost
{
    /// <summary>How long in-flight requests get after SIGTERM.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Largest request body: the shop's bodies are under a kilobyte.</summary>
    private const int MaximumRequestBodyBytes = 64 * 1024;

    /// <summary>Runs the role until SIGTERM or SIGINT; 0 after a clean stop, 1 when it could not start (one line on stderr).</summary>
    public static async Task<int> RunAsync(ServiceOptions options)
    {
        try
        {
            if (options.Role == ServiceRole.Load)
            {
                using var load = BuildLoad(options, TimeProvider.System, Console.Error);
                await load.RunAsync();
                return 0;
            }

            await using var app = await BuildAsync(options, TimeProvider.System, CancellationToken.None);
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"rootcause-lab-service --role {options.Role.ToString().ToLowerInvariant()}: cannot run: {e.Message}");
            return 1;
        }
    }

    /// <summary>Builds an HTTP role, its role prepared (the catalog's database ready); the caller starts it.</summary>
    public static async Task<WebApplication> BuildAsync(ServiceOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = "rootcause-lab-service",
            ContentRootPath = AppContext.BaseDirectory,
        });
        Quiet(builder.Logging, builder.Services);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaximumRequestBodyBytes;
            kestrel.Listen(options.Listen!, listen => listen.Protocols = HttpProtocols.Http1);
        });
        AddControl(builder.Services, options, time);
        builder.Services.AddSingleton<FaultInjection>();

        // Made by the container so that the container disposes it (pools, data source) when the host ends.
        builder.Services.AddSingleton(_ => CreateRole(options, time));

        var app = builder.Build();
        try
        {
            var role = app.Services.GetRequiredService<IShopRole>();
            app.Use(app.Services.GetRequiredService<FaultInjection>().InvokeAsync);
            app.MapGet(FaultInjection.HealthPath, () => "ok");
            role.Map(app);
            await role.PrepareAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Builds the load role: the generator and the leak switch in a host that stops on SIGTERM.</summary>
    public static IHost BuildLoad(ServiceOptions options, TimeProvider time, TextWriter summaries)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        Quiet(builder.Logging, builder.Services);
        AddControl(builder.Services, options, time);
        builder.Services.AddHostedService(_ => new LoadGenerator(options.Target!, options.Rate, time, summaries, new Random()));
        return builder.Build();
    }

    private static IShopRole CreateRole(ServiceOptions options, TimeProvider time) => options.Role switch
    {
        ServiceRole.Gateway => GatewayRole.Create(options),
        ServiceRole.Catalog => new CatalogRole(new CatalogDatabase(options.Postgres!), time),
        ServiceRole.Cart => new CartRole(new RespClient(options.Redis!)),
        ServiceRole.Checkout => CheckoutRole.Create(options),
        ServiceRole.Payment => new PaymentRole(time),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Role, "not an HTTP role"),
    };

    private static void AddControl(IServiceCollection services, ServiceOptions options, TimeProvider time)
    {
        services.AddSingleton(time);
        services.AddSingleton(provider => new ControlFile(options.ControlFile, time, provider.GetRequiredService<ILogger<ControlFile>>()));
        services.AddSingleton<MemoryLeak>();
        services.AddHostedService(provider => provider.GetRequiredService<MemoryLeak>());
    }

    private static void Quiet(ILoggingBuilder logging, IServiceCollection services)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddSimpleConsole(console => console.SingleLine = true);

        // The host's "failed to start" is a stack trace; RunAsync says the same in one line. Its Critical lines stay.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
    }
}
