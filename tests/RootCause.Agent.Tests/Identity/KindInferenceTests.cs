using RootCause.Agent.Identity;
using RootCause.Contracts;

namespace RootCause.Agent.Tests.Identity;

public sealed class KindInferenceTests
{
    [Theory]
    [InlineData(5432, ServiceKind.Database)]
    [InlineData(3306, ServiceKind.Database)]
    [InlineData(27017, ServiceKind.Database)]
    [InlineData(9042, ServiceKind.Database)]
    [InlineData(26257, ServiceKind.Database)]
    [InlineData(6379, ServiceKind.Cache)]
    [InlineData(11211, ServiceKind.Cache)]
    [InlineData(5672, ServiceKind.Queue)]
    [InlineData(9092, ServiceKind.Queue)]
    [InlineData(4222, ServiceKind.Queue)]
    public void Well_known_ports_tell_the_kind(int port, ServiceKind kind) => Assert.Equal(kind, KindInference.OfListenerPort(port));

    [Theory]
    [InlineData(8080)]
    [InlineData(443)]
    [InlineData(5433)]
    public void Other_ports_tell_nothing(int port) => Assert.Null(KindInference.OfListenerPort(port));

    [Theory]
    [InlineData("postgres", ServiceKind.Database)]
    [InlineData("mysqld", ServiceKind.Database)]
    [InlineData("mariadbd", ServiceKind.Database)]
    [InlineData("mongod", ServiceKind.Database)]
    [InlineData("redis-server", ServiceKind.Cache)]
    [InlineData("memcached", ServiceKind.Cache)]
    [InlineData("nats-server", ServiceKind.Queue)]
    public void Well_known_server_programs_tell_the_kind(string comm, ServiceKind kind) =>
        Assert.Equal(kind, KindInference.OfProcess(new ProcessInfo(1, comm, [comm], null)));

    [Fact]
    public void An_ordinary_program_has_no_inferred_kind() =>
        Assert.Null(KindInference.OfProcess(new ProcessInfo(1, "dotnet", ["dotnet", "/app/Orders.dll"], null)));

    [Fact]
    public void The_mapping_files_kind_beats_the_programs_and_inference_fills_in_when_it_gives_none()
    {
        var resolver = new ServiceResolver("n1", ServiceMapping.Parse("sessions comm=redis-server kind=database\norders comm=orders\n", "m"), NoPods.Instance);

        Assert.Equal(ServiceKind.Database, resolver.Resolve(new ProcessInfo(1, "redis-server", [], null)).Kind);
        Assert.Null(resolver.Resolve(new ProcessInfo(2, "orders", [], null)).Kind);
        Assert.Equal(ServiceKind.Database, resolver.Resolve(new ProcessInfo(3, "postgres", [], null)).Kind);
    }
}
