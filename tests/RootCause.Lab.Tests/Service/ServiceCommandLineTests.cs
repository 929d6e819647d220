using System.Net;
using RootCause.Lab.Service;

namespace RootCause.Lab.Tests.Service;

public sealed class ServiceCommandLineTests
{
    [Fact]
    public void The_gateway_line_of_the_contract_parses()
    {
        var options = Parse(
            "--role gateway --listen 10.231.0.10:8080 --control /run/rclab/gateway.json --upstream catalog=http://10.231.0.11:8080 " +
            "--upstream cart=http://10.231.0.12:8080 --upstream checkout=http://10.231.0.13:8080");

        Assert.Equal(ServiceRole.Gateway, options.Role);
        Assert.Equal(IPEndPoint.Parse("10.231.0.10:8080"), options.Listen);
        Assert.Equal("/run/rclab/gateway.json", options.ControlFile);
        Assert.Equal(new Uri("http://10.231.0.13:8080/"), options.Upstream("checkout"));
        Assert.Equal(3, options.Upstreams.Count);
    }

    [Fact]
    public void The_catalog_cart_checkout_payment_and_load_lines_parse()
    {
        Assert.Equal("Host=10.231.0.20;Port=5432", Parse("--role catalog --listen 10.231.0.11:8080 --postgres Host=10.231.0.20;Port=5432").Postgres);
        Assert.Equal(IPEndPoint.Parse("10.231.0.21:6379"), Parse("--role cart --listen 10.231.0.12:8080 --redis 10.231.0.21:6379").Redis);
        Assert.Equal(2, Parse("--role checkout --listen 10.231.0.13:8080 --upstream cart=http://10.231.0.12:8080 --upstream payment=http://10.231.0.14:8080").Upstreams.Count);
        Assert.Null(Parse("--role payment --listen 10.231.0.14:8080").ControlFile);

        var load = Parse("--role load --target http://10.231.0.10:8080 --rate 35.5");
        Assert.Equal(new Uri("http://10.231.0.10:8080/"), load.Target);
        Assert.Equal(35.5, load.Rate);
        Assert.Equal(ServiceOptions.DefaultRate, Parse("--role load --target http://10.231.0.10:8080").Rate);
    }

    [Theory]
    [InlineData("", "--role is required")]
    [InlineData("--role", "--role needs a value")]
    [InlineData("--role web --listen 1.2.3.4:80", "unknown role 'web' (gateway, catalog, cart, checkout, payment or load)")]
    [InlineData("--role payment", "--listen IP:PORT is required for --role payment")]
    [InlineData("--role payment --listen localhost:8080", "--listen 'localhost:8080' is not IP:PORT (e.g. 10.231.0.10:8080)")]
    [InlineData("--role payment --listen 10.0.0.1", "--listen '10.0.0.1' is not IP:PORT (e.g. 10.231.0.10:8080)")]
    [InlineData("--role payment --listen 10.0.0.1:70000", "--listen '10.0.0.1:70000' is not IP:PORT (e.g. 10.231.0.10:8080)")]
    [InlineData("--role payment --listen 10.0.0.1:80 --listen 10.0.0.1:81", "--listen given twice")]
    [InlineData("--role payment --listen 10.0.0.1:80 --verbose yes", "unknown option '--verbose'")]
    [InlineData("--role payment --listen 10.0.0.1:80 stray", "unexpected argument 'stray'")]
    [InlineData("--role payment --listen 10.0.0.1:80 --upstream cart=http://10.0.0.2:80", "--role payment calls no upstream (got --upstream cart=...)")]
    [InlineData("--role gateway --listen 10.0.0.1:80 --upstream catalog=http://10.0.0.2:80 --upstream cart=http://10.0.0.3:80", "--role gateway needs --upstream checkout=http://IP:PORT")]
    [InlineData("--role checkout --listen 10.0.0.1:80 --upstream cart=http://10.0.0.3:80 --upstream payment=http://10.0.0.4:80 --upstream bank=http://10.0.0.5:80", "--role checkout has no upstream 'bank' (it calls cart, payment)")]
    [InlineData("--role checkout --listen 10.0.0.1:80 --upstream cart=https://10.0.0.3:80", "--upstream cart 'https://10.0.0.3:80' is not http://IP:PORT")]
    [InlineData("--role checkout --listen 10.0.0.1:80 --upstream cart=http://10.0.0.3", "--upstream cart 'http://10.0.0.3' is not http://IP:PORT")]
    [InlineData("--role checkout --listen 10.0.0.1:80 --upstream cart=http://cart:80", "--upstream cart 'http://cart:80' is not http://IP:PORT")]
    [InlineData("--role checkout --listen 10.0.0.1:80 --upstream cart=http://10.0.0.3:80 --upstream cart=http://10.0.0.3:81", "--upstream cart given twice")]
    [InlineData("--role checkout --listen 10.0.0.1:80 --upstream http://10.0.0.3:80", "--upstream 'http://10.0.0.3:80' is not NAME=http://IP:PORT")]
    [InlineData("--role catalog --listen 10.0.0.1:80", "--postgres CONNECTION is required for --role catalog")]
    [InlineData("--role cart --listen 10.0.0.1:80 --postgres Host=x", "--postgres is used only by --role catalog, not cart")]
    [InlineData("--role cart --listen 10.0.0.1:80", "--redis IP:PORT is required for --role cart")]
    [InlineData("--role payment --listen 10.0.0.1:80 --redis 10.0.0.2:6379", "--redis is used only by --role cart, not payment")]
    [InlineData("--role load", "--target http://IP:PORT is required for --role load")]
    [InlineData("--role load --target http://10.0.0.1:80 --listen 10.0.0.1:81", "--listen is not used by --role load")]
    [InlineData("--role load --target http://10.0.0.1:80 --rate 0", "--rate '0' is not a number of requests per second in (0, 10000]")]
    [InlineData("--role load --target http://10.0.0.1:80 --rate NaN", "--rate 'NaN' is not a number of requests per second in (0, 10000]")]
    [InlineData("--role load --target http://10.0.0.1:80 --rate 20,5", "--rate '20,5' is not a number of requests per second in (0, 10000]")]
    [InlineData("--role payment --listen 10.0.0.1:80 --rate 5", "--rate is used only by --role load, not payment")]
    [InlineData("--role payment --listen 10.0.0.1:80 --target http://10.0.0.1:80", "--target is used only by --role load, not payment")]
    public void A_bad_line_gives_one_error_that_names_the_problem(string line, string error)
    {
        var (options, actual) = ServiceCommandLine.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Null(options);
        Assert.Equal(error, actual);
    }

    private static ServiceOptions Parse(string line)
    {
        var (options, error) = ServiceCommandLine.Parse(line.Split(' '));
        Assert.Null(error);
        return options!;
    }
}
