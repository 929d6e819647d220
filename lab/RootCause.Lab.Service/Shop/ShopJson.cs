using System.Text.Json;

namespace RootCause.Lab.Service.Shop;

/// <summary>Reads the shop's JSON bodies (web defaults, as the handlers write them); a body that does not parse is null.</summary>
internal static class ShopJson
{
    public static T? Read<T>(byte[] body)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
