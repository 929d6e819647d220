namespace RootCause.Lab.Service;

/// <summary>What one process of the lab's shop does; one executable, one role per process.</summary>
internal enum ServiceRole
{
    Gateway,
    Catalog,
    Cart,
    Checkout,
    Payment,
    Load,
}
