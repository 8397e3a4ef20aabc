using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Moves customers between lifecycle stages along the edges of the <see cref="StageModel"/>,
/// recording each change, and reads the history back.
/// </summary>
public sealed class LifecycleBook
{
    private readonly CrmContext _context;

    internal LifecycleBook(CrmContext context) => _context = context;

    /// <summary>The stage model in force.</summary>
    public StageModel Model => _context.Options.Stages;

    /// <summary>Moves a customer to <paramref name="to"/> now, recording why and by whom.</summary>
    /// <exception cref="IllegalStageTransitionException">The model has no edge from the current stage to <paramref name="to"/>; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    /// <exception cref="CrmValidationException">The reason or actor is empty or too long.</exception>
    public StageChange Change(CustomerCode customer, StageId to, string reason, string actor) => ChangeCore(customer, to, reason, actor, default).Wait();

    /// <summary>The asynchronous form of <see cref="Change"/>; cancelling writes nothing.</summary>
    /// <exception cref="IllegalStageTransitionException">The model has no edge from the current stage to <paramref name="to"/>; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    /// <exception cref="CrmValidationException">The reason or actor is empty or too long.</exception>
    public Task<StageChange> ChangeAsync(CustomerCode customer, StageId to, string reason, string actor, CancellationToken cancellationToken = default) =>
        ChangeCore(customer, to, reason, actor, cancellationToken).AsTask();

    internal ValueTask<StageChange> ChangeCore(CustomerCode customer, StageId to, string reason, string actor, CancellationToken ct)
    {
        Require.Name(reason, "reason", Require.MaxTextLength);
        Require.Name(actor, "actor");
        if (to == default) throw new CrmValidationException("stage", "is required but was empty.");
        return _context.Write(async (s, c) =>
        {
            var (code, record) = await CrmContext.LoadAsync(s, customer, c).ConfigureAwait(false);
            var current = record.Customer;
            if (!Model.Allows(current.Stage, to))
                throw new IllegalStageTransitionException(code, current.Stage, to, Model.AllowedFrom(current.Stage));
            return (await MoveAsync(s, current, to, _context.Now, reason, actor, c).ConfigureAwait(false)).Change;
        }, ct);
    }

    /// <summary>Records an allowed stage change of <paramref name="current"/> inside the caller's write; returns the change and the stored customer.</summary>
    internal static async ValueTask<(StageChange Change, Customer Customer)> MoveAsync(IStoreSession s, Customer current, StageId to, DateTimeOffset now,
        string reason, string actor, CancellationToken c)
    {
        var change = new StageChange(current.Code, current.Stage, to, now, reason, actor);
        await s.Stages.AppendAsync(change, c).ConfigureAwait(false);
        var moved = current with { Stage = to, StageSince = now };
        await s.Customers.UpdateAsync(moved, current.Version, c).ConfigureAwait(false);
        return (change, moved);
    }

    /// <summary>
    /// A customer's stage history in recording order: its own contiguous chain, followed by the
    /// changes carried over from customers merged into it (marked <see cref="StageChange.MergedFrom"/>).
    /// </summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<StageChange> History(CustomerCode customer) => _context.Read<IReadOnlyList<StageChange>>(async (s, c) =>
    {
        var (code, _) = await CrmContext.LoadAsync(s, customer, c).ConfigureAwait(false);
        return (await s.Stages.OfAsync(code, c).ConfigureAwait(false)).OrderBy(x => x.MergedFrom is null ? 0 : 1).ToArray();
    }, default).Wait();
}
