using CrmKit.Storage.LiteDb;
using CrmKit.Tests.Storage.Contract;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Storage.Formats;

/// <summary>
/// Files of the first format (full field names, instants as sub-documents, interactions keyed by id
/// alone) are rewritten in the compact format when first opened for writing: every customer, stat,
/// interaction and change mark comes through, ids carry on from the largest, and the old
/// interactions collection is gone.
/// </summary>
public class FirstFormatTests
{
    [Property(MaxTest = 8)]
    public Property Opening_a_first_format_file_keeps_everything_and_ids_carry_on() =>
        Prop.ForAll(
            (from c0 in Generators.Customer("C0")
             from c1 in Generators.Customer("C1")
             from c2 in Generators.Customer("C2")
             from batches in Generators.Batches(3)
             select (customers: new[] { c0, c1, c2 }, batches)).ToArbitrary(),
            input =>
            {
                using var db = TestDatabase.OnFile();
                db.Crm.Customers.CreateMany(input.customers);
                foreach (var batch in input.batches) db.Crm.Interactions.RecordBatch(batch);
                db.Crm.Segments.Define(new SegmentDefinition("buyers", "bought anything", new SegmentFilter(SegmentClause.Monetary(ClauseOperator.Greater, 0m))));
                db.Crm.Segments.Refresh("buyers");
                var before = StoreState.Capture(db.Crm);
                var sequence = StoreState.ChangeSequence(db.Crm);
                var count = db.Crm.Interactions.Count();
                db.Crm.Dispose();
                FirstFormatFile.Rewrite(db.FilePath);

                db.Reopen();

                var after = StoreState.Capture(db.Crm);
                var collections = ((LiteStore)db.Crm.Store).CollectionNames().ToArray();
                var next = db.Crm.Interactions.Record(new Interaction("C1", InteractionKind.Inquiry, Channel.Phone, db.Clock.GetUtcNow()));
                var refresh = db.Crm.Segments.RefreshChanged("buyers");
                return (before == after).Label("state before and after the upgrade")
                    .And((StoreState.ChangeSequence(db.Crm) == sequence + 1).Label("change marks carry on"))
                    .And((next.Id == count + 1).Label($"next id {next.Id} after {count}"))
                    .And((refresh.Evaluated == 1).Label($"{refresh.Evaluated} evaluated by the incremental refresh"))
                    .And((!collections.Contains(Collections.LegacyInteractions)).Label("old collection dropped"));
            });

    [Fact]
    public void A_first_format_file_must_be_opened_for_writing_once_before_it_opens_read_only()
    {
        using var db = TestDatabase.OnFile();
        db.SeedCustomers(2);
        db.Crm.Interactions.Record(new Interaction("C0", InteractionKind.Purchase, Channel.Store, db.Clock.GetUtcNow()) { Amount = 5m });
        db.Crm.Dispose();
        FirstFormatFile.Rewrite(db.FilePath);

        var e = Assert.Throws<DatabaseFileException>(() => CrmDatabase.Open(db.Options with { ReadOnly = true, CreateIfMissing = false }));
        Assert.Contains("open it for writing once", e.Message, StringComparison.Ordinal);

        db.Reopen();
        db.Crm.Dispose();
        using var reader = CrmDatabase.Open(db.Options with { ReadOnly = true, CreateIfMissing = false });
        Assert.Equal(5m, reader.Interactions.Stats("C0").MonetaryTotal);
        Assert.Single(reader.Interactions.For("C0", PageRequest.First).Items);
    }
}
