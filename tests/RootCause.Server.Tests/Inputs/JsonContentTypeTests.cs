using RootCause.Server.Inputs;

namespace RootCause.Server.Tests.Inputs;

public sealed class JsonContentTypeTests
{
    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("Application/JSON", true)]
    [InlineData("application/vnd.alertmanager+json", true)]
    [InlineData("application/json; charset=iso-8859-1", false)]
    [InlineData("text/plain", false)]
    [InlineData("application/x-www-form-urlencoded", false)]
    [InlineData("multipart/form-data; boundary=x", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("json", false)]
    public void Only_json_media_types_are_accepted(string? contentType, bool expected) =>
        Assert.Equal(expected, JsonContentType.IsJson(contentType));
}
