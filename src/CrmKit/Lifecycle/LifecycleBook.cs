using CrmKit.Storage;
using LiteDB;

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
    public StageChange Change(CustomerCode customer, StageId to, string reason, string actor)
    {
        Require.Name(reason, "reason", Require.MaxTextLength);
        Require.Name(actor, "actor");
        if (to == default) throw new CrmValidationException("stage", "is required but was empty.");
        return _context.Store.Write(() =>
        {
            var current = CustomerDocument.FromBson(_context.Load(customer, out var code));
            if (!Model.Allows(current.Stage, to))
                throw new IllegalStageTransitionException(code, current.Stage, to, Model.AllowedFrom(current.Stage));
            var now = _context.Now;
            var change = new StageChange(code, current.Stage, to, now, reason, actor);
            _context.Store.StageChanges.Insert(StageChangeDocument.ToBson(change));
            _context.Store.UpdateProfile(current with { Stage = to, StageSince = now });
            _context.Store.Touch(code);
            return change;
        });
    }

    /// <summary>
    /// A customer's stage history in recording order: its own contiguous chain, followed by the
    /// changes carried over from customers merged into it (marked <see cref="StageChange.MergedFrom"/>).
    /// </summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<StageChange> History(CustomerCode customer)
    {
        _context.Load(customer, out var code);
        return _context.Store.StageChanges.Find(Query.EQ("c", code.Value))
            .OrderBy(d => d["_id"].AsInt64)
            .Select(StageChangeDocument.FromBson)
            .OrderBy(s => s.MergedFrom is null ? 0 : 1)
            .ToArray();
    }
}
