using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using RootCause.Lab.Service.Shop;

namespace RootCause.Lab.Service.Roles;

/// <summary>Accepts a valid charge after a little CPU work (a chain of hashes, standing in for fraud checks) and answers a receipt.</summary>
internal sealed class PaymentRole(TimeProvider time) : IShopRole
{
    /// <summary>Hash rounds per charge: well under a millisecond, but real CPU on the payment service.</summary>
    public const int AuthorisationRounds = 2000;

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Map(IEndpointRouteBuilder routes) => routes.MapPost("/charge", Charge);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private IResult Charge([FromBody] ChargeRequest charge)
    {
        if (charge.Problem() is { } problem)
        {
            return Results.Json(new { error = problem }, statusCode: StatusCodes.Status400BadRequest);
        }

        var approvedAt = time.GetUtcNow();
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"{charge.User}|{charge.AmountCents}|{charge.Currency}|{approvedAt.UtcTicks}|{Random.Shared.NextInt64()}")));
        for (var i = 0; i < AuthorisationRounds; i++)
        {
            digest = SHA256.HashData(digest);
        }

        return Results.Ok(new Receipt("rcpt-" + Convert.ToHexStringLower(digest, 0, 8), charge.User!, charge.AmountCents, charge.Currency!, approvedAt));
    }
}
