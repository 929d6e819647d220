using RootCause.Agent.Http;

namespace RootCause.Agent.Tests.Http;

public sealed class RouteNormaliserTests
{
    [Theory]
    [InlineData("/cart/12345", "/cart/{id}")]
    [InlineData("/users/3f2b9c1e-8d4a-4f7e-9b1a-0c2d3e4f5a6b/orders?page=2", "/users/{id}/orders")]
    [InlineData("http://shop:8080/api/items/77#frag", "/api/items/{id}")]
    [InlineData("/static/app.css", "/static/app.css")]
    [InlineData("/", "/")]
    [InlineData("*", "*")]
    [InlineData("/a/b/c/d/e/f/g/h", "/a/b/c/d/e/f/…")]
    [InlineData("/session/ab12cd34ef56ab78", "/session/{id}")]
    [InlineData("/health", "/health")]
    public void Identifiers_become_placeholders(string target, string route) =>
        Assert.Equal(route, RouteNormaliser.Normalise(target));
}
