using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RootCause.Server.Telemetry;

namespace RootCause.Server.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the MassTransit bus with the <see cref="MetricBatchConsumer"/>. MassTransit allows one registration per
    /// container, so extra consumers (tests, the demo) come in through <paramref name="configureBus"/>.
    /// </summary>
    public static IServiceCollection AddRootCauseMessaging(
        this IServiceCollection services,
        Action<MessagingOptions>? configure = null,
        Action<IBusRegistrationConfigurator>? configureBus = null)
    {
        var options = new MessagingOptions();
        configure?.Invoke(options);
        services.Configure<MassTransitHostOptions>(o =>
        {
            // The host is ready only when the bus is: a batch published right after start must not be lost.
            o.WaitUntilStarted = true;
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        services.AddMassTransit(x =>
        {
            // MassTransit reports its usage to its vendor over the internet by default; a service of ours calls nobody.
            x.DisableUsageTelemetry();
            x.AddConsumer<MetricBatchConsumer>();
            configureBus?.Invoke(x);
            switch (options.Transport)
            {
                case BusTransport.InMemory:
                    x.UsingInMemory((context, cfg) =>
                    {
                        // Baselines can be undefined (NaN); the serializer must carry them rather than fail the publish.
                        cfg.ConfigureJsonSerializerOptions(json =>
                        {
                            json.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
                            return json;
                        });
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
                default:
                    throw new NotSupportedException($"Bus transport {options.Transport} is not supported by this build.");
            }
        });
        return services;
    }
}
