using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Storage.Contract;

/// <summary>Every rejected operation leaves everything the store holds exactly as it was.</summary>
public abstract class RejectedOperationContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    private static readonly string[] Rejections = ["duplicate-code", "wrong-type", "stale-version", "illegal-transition", "refund-amount", "bad-batch"];

    [Property(MaxTest = 60)]
    public Property A_rejected_operation_leaves_the_store_as_it_was() =>
        Prop.ForAll(
            (from customer in Generators.Customer("C0")
             from batches in Generators.Batches(1)
             from rejection in Gen.Elements(Rejections)
             select (customer, batches, rejection)).ToArbitrary(),
            input =>
            {
                using var db = Open();
                db.Crm.Customers.Create(input.customer);
                foreach (var batch in input.batches) db.Crm.Interactions.RecordBatch(batch);
                var current = db.Crm.Customers.Get("C0");
                db.Crm.Customers.Update(current with { Owner = "someone else" });
                var before = StoreState.Capture(db.Crm);
                var sequence = StoreState.ChangeSequence(db.Crm);

                var error = Record.Exception(() => Attempt(db, input.rejection, current));

                return (error is CrmException && StoreState.Capture(db.Crm) == before && StoreState.ChangedSince(db.Crm, sequence).Count == 0)
                    .Label($"{input.rejection}: {error?.GetType().Name}: {error?.Message}");
            });

    private static void Attempt(TestDatabase db, string rejection, Customer stale)
    {
        var now = db.Clock.GetUtcNow();
        switch (rejection)
        {
            case "duplicate-code":
                db.Crm.Customers.Create(new Customer("C0", "someone else"));
                break;
            case "wrong-type":
                db.Crm.Customers.Update(db.Crm.Customers.Get("C0") with
                {
                    Attributes = new Dictionary<string, AttributeValue> { ["age"] = AttributeValue.Decimal(4.5m) },
                });
                break;
            case "stale-version":
                db.Crm.Customers.Update(stale with { Name = "lost update" });
                break;
            case "illegal-transition":
                db.Crm.Lifecycle.Change("C0", "churned", "skipping stages", "tester");
                break;
            case "refund-amount":
                db.Crm.Interactions.Record(new Interaction("C0", "service-visit", "store", now) { Amount = -5m });
                break;
            case "bad-batch":
                db.Crm.Interactions.RecordBatch(
                [
                    new Interaction("C0", "purchase", "store", now) { Amount = 5m },
                    new Interaction("C0", "refund", "store", now) { Amount = 5m },
                ]);
                break;
        }
    }
}
