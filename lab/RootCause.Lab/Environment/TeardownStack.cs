namespace RootCause.Lab;

/// <summary>
/// What the lab built, as undo steps in the order they were built; teardown runs them in reverse, each bounded and
/// best effort, and returns every failure instead of stopping at the first.
/// </summary>
internal sealed class TeardownStack
{
    private readonly Lock gate = new();
    private readonly Stack<(string What, Func<CancellationToken, Task> Undo)> steps = new();

    public static TimeSpan StepTimeout { get; } = TimeSpan.FromSeconds(30);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return steps.Count;
            }
        }
    }

    public void Push(string what, Func<CancellationToken, Task> undo)
    {
        lock (gate)
        {
            steps.Push((what, undo));
        }
    }

    /// <summary>Runs every undo step, last first; returns "what: why" for each that failed or ran out of time.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        while (true)
        {
            (string What, Func<CancellationToken, Task> Undo) step;
            lock (gate)
            {
                if (!steps.TryPop(out step))
                {
                    break;
                }
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(StepTimeout);
            try
            {
                progress?.Report($"teardown: {step.What}");
                await step.Undo(deadline.Token).WaitAsync(StepTimeout + TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var why = e is OperationCanceledException or TimeoutException ? $"did not finish within {StepTimeout.TotalSeconds:0} s" : e.Message;
                problems.Add($"{step.What}: {why}");
            }
        }

        return problems;
    }
}
