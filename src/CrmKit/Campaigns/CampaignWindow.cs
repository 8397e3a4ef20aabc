namespace CrmKit;

/// <summary>When a campaign runs: from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive). Immutable.</summary>
public readonly record struct CampaignWindow
{
    /// <summary>Creates a window.</summary>
    /// <exception cref="CrmValidationException">An instant is out of range or the end is not after the start.</exception>
    public CampaignWindow(DateTimeOffset start, DateTimeOffset end)
    {
        Start = Require.Instant(start, "window.start");
        End = Require.Instant(end, "window.end");
        if (end <= start) throw new CrmValidationException("window.end", $"{end:o} is not after the start {start:o}.");
    }

    /// <summary>The first instant of the campaign.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The instant the campaign ends (not included).</summary>
    public DateTimeOffset End { get; }

    /// <summary>True when <paramref name="at"/> lies in the window.</summary>
    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    /// <inheritdoc/>
    public override string ToString() => $"{Start:o} to {End:o}";
}
