using Microsoft.AspNetCore.Http;

namespace RootCause.Server.Inputs;

/// <summary>What is wrong with an external input, precise enough to fix it: where (JSON path, line, column) and why.</summary>
/// <param name="Status">The HTTP status it maps to: 400 unless the body is too large (413) or not JSON (415).</param>
internal sealed record InputError(string Title, string Detail, string? Path = null, long? Line = null, long? Column = null, int Status = StatusCodes.Status400BadRequest);
