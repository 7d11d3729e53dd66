namespace Handoff.Core.Inspection;

/// <summary>Counts the diff bytes materialised so far; once the limit is reached, later files are listed without content.</summary>
internal sealed class ReadBudget(long? limitBytes)
{
    public long SpentBytes { get; private set; }

    public bool IsExhausted => limitBytes is { } limit && SpentBytes >= limit;

    public void Spend(long bytes) => SpentBytes += bytes;
}
