namespace RootCause.Lab.Tests.Infrastructure;

/// <summary>An IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, too late for a test's assertions).</summary>
internal sealed class SynchronousProgress(Action<string> report) : IProgress<string>
{
    private readonly Lock gate = new();

    public void Report(string value)
    {
        lock (gate)
        {
            report(value);
        }
    }
}
