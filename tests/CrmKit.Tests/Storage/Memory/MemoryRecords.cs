using CrmKit.Storage;
using CrmKit.Value;

namespace CrmKit.Tests.Storage.Memory;

internal sealed class MemoryGrades(MemorySession session) : IGradeStore
{
    public ValueTask AppendAsync(GradeChange change, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.State.Grades.Add(change);
        session.Touch(change.Customer.Value);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<GradeChange>> OfAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<GradeChange>>(session.State.Grades.Where(g => g.Customer == customer).ToArray());
    }

    public ValueTask<int> MoveAsync(CustomerCode from, CustomerCode to, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var grades = session.State.Grades;
        var moved = 0;
        for (var i = 0; i < grades.Count; i++)
        {
            if (grades[i].Customer != from) continue;
            grades[i] = grades[i] with { Customer = to, MergedFrom = grades[i].MergedFrom ?? from };
            moved++;
        }
        if (moved > 0) session.Touch(to.Value);
        return ValueTask.FromResult(moved);
    }
}

internal sealed class MemoryClaims(MemorySession session) : IClaimStore
{
    public ValueTask<Claim?> GetAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(session.State.Claims.GetValueOrDefault(customer.Value));
    }

    public ValueTask PutAsync(Claim claim, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.State.Claims[claim.Customer.Value] = claim;
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RemoveAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return ValueTask.FromResult(session.State.Claims.Remove(customer.Value));
    }
}

internal sealed class MemoryValues(MemorySession session) : IValueStore
{
    public ValueTask ReplaceAsync(ValueFit fit, IReadOnlyList<CustomerValue> values, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.State.Fits.Add(fit);
        session.State.Values.Clear();
        foreach (var v in values) session.State.Values[v.CustomerCode] = v;
        return ValueTask.CompletedTask;
    }

    public ValueTask<ValueFit?> LatestFitAsync(CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(session.State.Fits.LastOrDefault());
    }

    public ValueTask<CustomerValue?> OfAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(session.State.Values.GetValueOrDefault(customer.Value));
    }

    public ValueTask<IReadOnlyList<CustomerValue>> AllAsync(CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<CustomerValue>>(session.State.Values.Values.ToArray());
    }
}

internal sealed class MemoryJobRuns(MemorySession session) : IJobRunStore
{
    public ValueTask<DateTimeOffset?> LastCompletedAsync(string job, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(session.State.JobRuns.TryGetValue(job, out var at) ? (DateTimeOffset?)at : null);
    }

    public ValueTask RecordCompletedAsync(string job, DateTimeOffset scheduledAt, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.State.JobRuns[job] = scheduledAt;
        return ValueTask.CompletedTask;
    }
}

internal sealed class MemoryChanges(MemorySession session) : IChangeFeed
{
    public ValueTask<long> SequenceAsync(CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(session.State.Sequence);
    }

    public ValueTask MarkChangedAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.Touch(customer.Value);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyCollection<CustomerCode>> ChangedSinceAsync(long sequence, CancellationToken cancellationToken)
    {
        session.Check();
        var live = session.State.Customers.Values.Where(c => c.Mark > sequence).Select(c => c.Customer.Code.Value);
        var gone = session.State.GoneMarks.Where(g => g.Value > sequence).Select(g => g.Key);
        return ValueTask.FromResult<IReadOnlyCollection<CustomerCode>>(live.Union(gone, StringComparer.Ordinal).Select(c => new CustomerCode(c)).ToArray());
    }

    public ValueTask<long?> CursorAsync(string name, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(session.State.Cursors.TryGetValue(name, out var v) ? (long?)v : null);
    }

    public ValueTask SetCursorAsync(string name, long sequence, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.State.Cursors[name] = sequence;
        return ValueTask.CompletedTask;
    }
}

internal sealed class MemoryPrivacy(MemorySession session) : IPrivacyStore
{
    public ValueTask RecordErasureAsync(ErasureRecord erasure, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.State.Erasures.Add(erasure);
        session.Touch(erasure.Customer.Value);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<ErasureRecord>> ErasuresOfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ErasureRecord>>(session.State.Erasures.Where(e => e.Customer == customer).ToArray());
}

internal sealed class MemoryConfiguration(MemorySession session) : IConfigurationStore
{
    public ValueTask<string?> ReadAsync(CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(session.State.Configuration);
    }

    public ValueTask WriteAsync(string document, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.State.Configuration = document;
        return ValueTask.CompletedTask;
    }
}

internal sealed class MemoryCases(MemorySession session) : ICaseStore
{
    public ValueTask<long> InsertAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var id = session.State.NextCase++;
        session.State.Cases[id] = record with { Id = id };
        return ValueTask.FromResult(id);
    }

    public ValueTask<CaseRecord?> FindAsync(long id, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(session.State.Cases.GetValueOrDefault(id));
    }

    public ValueTask UpdateAsync(CaseRecord record, int expectedChanges, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var stored = session.State.Cases.GetValueOrDefault(record.Id) ?? throw new CaseNotFoundException(record.Id);
        if (stored.Changes != expectedChanges)
            throw new ConcurrencyConflictException($"Case {record.Id}", record.Customer, expectedChanges, stored.Changes);
        session.State.Cases[record.Id] = record;
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<CaseRecord>> ListAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        session.Check();
        IReadOnlyList<CaseRecord> records = [.. session.State.Cases.Values.Where(r =>
            (query.Customer is null || r.Customer == query.Customer) && (query.Owner is null || r.Owner == query.Owner) && (!query.ActiveOnly || r.Active))];
        return ValueTask.FromResult(records);
    }
}
