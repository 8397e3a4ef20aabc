using System.Reflection;
using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// Bounds the memory LiteDB's transactions may hold. LiteDB 5 keeps every page a transaction reads
/// or writes in memory until the transaction holds 100,000 of them (800 MB); only then does it write
/// its dirty pages to the log and let the clean ones go (a "safepoint"). A refresh, a sweep or an
/// import over a million customers reads or writes more than that in one transaction, so its
/// process would grow to that size. CrmKit lowers the pool those 100,000 pages are drawn from to
/// <see cref="Pages"/>, so a transaction reaches its safepoint after at most that many pages.
/// </summary>
/// <remarks>
/// LiteDB offers no setting for the pool, so it is lowered through the engine's private fields
/// (LiteDB 5.0.21, pinned centrally); <see cref="Apply"/> says whether that worked, and a test
/// holds it, so a LiteDB upgrade that renames them fails that test rather than silently growing.
/// A safepoint changes nothing a transaction means: the dirty pages go to the log unconfirmed and
/// are kept only if the transaction commits, and a killed process leaves them unconfirmed.
/// </remarks>
internal static class TransactionMemory
{
    /// <summary>LiteDB's own pool: 100,000 pages.</summary>
    private const int LiteDbPool = 100_000;

    /// <summary>The pool CrmKit leaves to all transactions of one database together: 10,000 pages of 8 KB.</summary>
    internal const int Pages = 10_000;

    private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;

    /// <summary>Lowers the transaction page pool of <paramref name="db"/>; true when it was lowered.</summary>
    internal static bool Apply(LiteDatabase db)
    {
        if (Monitor(db) is not var (monitor, free, transactions)) return false;
        lock (transactions)
        {
            var current = (int)free.GetValue(monitor)!;
            free.SetValue(monitor, current - (LiteDbPool - Pages));
        }
        return true;
    }

    /// <summary>The pages still free in the pool, or null when the engine's fields are not what this version expects.</summary>
    internal static int? FreePages(LiteDatabase db) =>
        Monitor(db) is var (monitor, free, _) ? (int)free.GetValue(monitor)! : null;

    private static (object Monitor, FieldInfo Free, object Transactions)? Monitor(LiteDatabase db)
    {
        var engine = typeof(LiteDatabase).GetField("_engine", Private)?.GetValue(db);
        var monitor = engine?.GetType().GetField("_monitor", Private)?.GetValue(engine);
        var free = monitor?.GetType().GetField("_freePages", Private);
        var transactions = monitor?.GetType().GetField("_transactions", Private)?.GetValue(monitor);
        return monitor is null || free?.FieldType != typeof(int) || transactions is null ? null : (monitor, free, transactions);
    }
}
