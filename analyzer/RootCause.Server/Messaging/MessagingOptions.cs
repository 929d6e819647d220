namespace RootCause.Server.Messaging;

public sealed class MessagingOptions
{
    /// <summary>The MassTransit transport; RabbitMQ joins <see cref="BusTransport"/> when its adapter lands.</summary>
    public BusTransport Transport { get; set; } = BusTransport.InMemory;
}
