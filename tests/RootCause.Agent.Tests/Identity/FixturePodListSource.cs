using RootCause.Agent.Identity;

namespace RootCause.Agent.Tests.Identity;

/// <summary>Plays recorded pod lists (Fixtures/kubernetes) in order, as the kubelet would answer successive refreshes.</summary>
internal sealed class FixturePodListSource : IPodListSource
{
    private readonly Queue<Func<string>> answers = new();

    public string Description => "fixtures";

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "kubernetes", name));

    public FixturePodListSource Then(string fixture)
    {
        answers.Enqueue(() => Fixture(fixture));
        return this;
    }

    public FixturePodListSource ThenText(string text)
    {
        answers.Enqueue(() => text);
        return this;
    }

    public FixturePodListSource ThenFailure(Exception failure)
    {
        answers.Enqueue(() => throw failure);
        return this;
    }

    public Task<string> FetchAsync(CancellationToken cancellationToken) => Task.FromResult(answers.Dequeue()());
}
