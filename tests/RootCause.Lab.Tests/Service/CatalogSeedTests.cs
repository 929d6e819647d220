using System.Text.Json;
using RootCause.Lab.Service.Catalog;
using RootCause.Lab.Service.Shop;

namespace RootCause.Lab.Tests.Service;

public sealed class CatalogSeedTests
{
    [Fact]
    public void Every_page_of_twenty_is_between_5_and_20_KB_of_JSON()
    {
        var products = CatalogSeed.All().ToList();

        Assert.Equal(CatalogSeed.ProductCount, products.Count);
        Assert.Equal(Enumerable.Range(1, CatalogSeed.ProductCount), products.Select(p => p.Id));
        foreach (var page in products.Chunk(CatalogSeed.PageSize))
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new ProductPage(1, CatalogSeed.PageSize, page), JsonSerializerOptions.Web).Length;
            Assert.InRange(bytes, 5 * 1024, 20 * 1024);
        }
    }

    [Fact]
    public void The_products_are_the_same_on_every_start_and_look_like_a_shops()
    {
        Assert.Equal(CatalogSeed.Product(42), CatalogSeed.Product(42));
        Assert.Equal(CatalogSeed.ProductCount, CatalogSeed.All().Select(p => p.Name).Distinct().Count());
        Assert.All(CatalogSeed.All(), p =>
        {
            Assert.InRange(p.PriceCents, 199, 49_999);
            Assert.InRange(p.Stock, 0, 499);
            Assert.InRange(p.Description.Length, 250, 900);
        });
    }
}
