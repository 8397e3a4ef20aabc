using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Erasure records, and the dossier gathered from every collection that holds something about one customer.</summary>
internal sealed class LitePrivacy(LiteSession session) : IPrivacyStore
{
    public ValueTask RecordErasureAsync(ErasureRecord erasure, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.Store.Erasures.Insert(RecordDocuments.ToBson(erasure));
        session.Store.Touch(erasure.Customer.Value);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<CustomerDossier?> DossierAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        if (await session.Customers.FindAsync(customer, cancellationToken).ConfigureAwait(false) is not { } record) return null;
        return new CustomerDossier
        {
            Record = record,
            Interactions = await session.Interactions.OfAsync(customer, cancellationToken).ConfigureAwait(false),
            StageHistory = await session.Stages.OfAsync(customer, cancellationToken).ConfigureAwait(false),
            GradeHistory = await session.Grades.OfAsync(customer, cancellationToken).ConfigureAwait(false),
            Claim = await session.Claims.GetAsync(customer, cancellationToken).ConfigureAwait(false),
            Value = await session.Values.OfAsync(customer, cancellationToken).ConfigureAwait(false),
            Segments = await session.Segments.OfAsync(customer, cancellationToken).ConfigureAwait(false),
            CareTasks = await session.Care.OfAsync(customer, cancellationToken).ConfigureAwait(false),
            CareSuppressions = await session.Care.SuppressionsOfAsync(customer, cancellationToken).ConfigureAwait(false),
            MergedCodes = await session.Customers.AliasesOfAsync(customer, cancellationToken).ConfigureAwait(false),
            Erasures = session.Store.Erasures.Find(Query.EQ("c", customer.Value)).OrderBy(d => d["_id"].AsInt64).Select(RecordDocuments.ToErasure).ToArray(),
        };
    }
}
