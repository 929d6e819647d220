namespace RootCause.Lab.Service.Roles;

/// <summary>One HTTP role of the shop: its routes, and what it must have ready before it listens.</summary>
internal interface IShopRole : IAsyncDisposable
{
    /// <summary>Runs before the listener opens, so that a role that listens is a role that can serve.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    void Map(IEndpointRouteBuilder routes);
}
