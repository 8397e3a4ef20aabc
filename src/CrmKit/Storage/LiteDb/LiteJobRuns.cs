using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>The last completed run of each job: one small document per job name.</summary>
internal sealed class LiteJobRuns(LiteSession session) : IJobRunStore
{
    public ValueTask<DateTimeOffset?> LastCompletedAsync(string job, CancellationToken cancellationToken) =>
        Completed.Value(session.Store.JobRuns.FindById(job) is { } doc ? (DateTimeOffset?)Bson.ToInstant(doc["at"]) : null);

    public ValueTask RecordCompletedAsync(string job, DateTimeOffset scheduledAt, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.Store.JobRuns.Upsert(new BsonDocument
        {
            ["_id"] = job,
            ["at"] = Bson.Instant(scheduledAt),
            ["done"] = Bson.Instant(completedAt),
        });
        return ValueTask.CompletedTask;
    }
}
