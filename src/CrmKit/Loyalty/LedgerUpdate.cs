namespace CrmKit.Loyalty;

/// <summary>The ledger after an operation and the entries the operation appended (expiries due first, then its own entry).</summary>
/// <param name="Ledger">The ledger after the operation.</param>
/// <param name="Added">The entries appended, in order; empty when nothing was due and the award was already credited.</param>
/// <param name="AlreadyCredited">True when the award's source had been credited by the same rule before, so no points were added.</param>
internal sealed record LedgerUpdate(PointsLedger Ledger, IReadOnlyList<LedgerEntry> Added, bool AlreadyCredited = false);
