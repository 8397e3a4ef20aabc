using LiteDB;

namespace CrmKit.Storage;

/// <summary>
/// The last completed run of each scheduled job, kept in the database file so that a restarted
/// host knows which runs it missed. One small document per job name.
/// </summary>
internal sealed class JobRunLog : IJobRunLog
{
    private readonly LiteStore _store;
    private readonly ILiteCollection<BsonDocument> _runs;

    internal JobRunLog(LiteStore store)
    {
        _store = store;
        _runs = store.JobRuns;
    }

    /// <summary>The scheduled instant of the job's last completed run, or null when it never completed.</summary>
    internal DateTimeOffset? LastCompleted(string job)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        var doc = _runs.FindById(job);
        return doc is null ? null : Bson.ToInstant(doc["at"]);
    }

    /// <summary>Records that the run of <paramref name="job"/> scheduled at <paramref name="scheduledAt"/> completed at <paramref name="completedAt"/>.</summary>
    internal void RecordCompleted(string job, DateTimeOffset scheduledAt, DateTimeOffset completedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        _store.Write(() => _runs.Upsert(new BsonDocument
        {
            ["_id"] = job,
            ["at"] = Bson.Instant(scheduledAt),
            ["done"] = Bson.Instant(completedAt),
        }));
    }

    /// <inheritdoc />
    public Task<DateTimeOffset?> LastCompletedAsync(string job, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(LastCompleted(job));
    }

    /// <inheritdoc />
    public Task RecordCompletedAsync(string job, DateTimeOffset scheduledAt, DateTimeOffset completedAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        RecordCompleted(job, scheduledAt, completedAt);
        return Task.CompletedTask;
    }
}
