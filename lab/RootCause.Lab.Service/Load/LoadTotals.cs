namespace RootCause.Lab.Service.Load;

/// <summary>One read of the running totals behind <see cref="LoadCounters"/>.</summary>
internal readonly record struct LoadTotals(long Sent, long Ok, long Errors, long Dropped, long LatencyTicks);
