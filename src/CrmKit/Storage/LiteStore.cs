using LiteDB;

namespace CrmKit.Storage;

/// <summary>
/// The LiteDB file behind a CrmKit database: opens it, declares its indexes and runs each write
/// as one transaction. Writes are serialised, so derived data (stats, history) kept in the same
/// transaction can never interleave with another writer's.
/// </summary>
internal sealed class LiteStore : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly Lock _writeGate = new();

    internal LiteStore(CrmOptions options)
    {
        _db = options.FilePath is null
            ? new LiteDatabase(new MemoryStream())
            : new LiteDatabase(new ConnectionString
            {
                Filename = options.FilePath,
                Connection = ConnectionType.Direct,
                Password = options.Password,
            });
        _db.UtcDate = true;

        Customers = _db.GetCollection(Collections.Customers, BsonAutoId.ObjectId);
        Interactions = _db.GetCollection(Collections.Interactions, BsonAutoId.Int64);
        Stats = _db.GetCollection(Collections.Stats, BsonAutoId.ObjectId);
        StageChanges = _db.GetCollection(Collections.StageChanges, BsonAutoId.Int64);
        Aliases = _db.GetCollection(Collections.Aliases, BsonAutoId.ObjectId);
        Merges = _db.GetCollection(Collections.Merges, BsonAutoId.Int64);
        Erasures = _db.GetCollection(Collections.Erasures, BsonAutoId.Int64);
        GradeChanges = _db.GetCollection(Collections.GradeChanges, BsonAutoId.Int64);
        Claims = _db.GetCollection(Collections.Claims, BsonAutoId.ObjectId);
        ValueFits = _db.GetCollection(Collections.ValueFits, BsonAutoId.Int64);
        CustomerValues = _db.GetCollection(Collections.CustomerValues, BsonAutoId.ObjectId);
        JobRuns = _db.GetCollection(Collections.JobRuns);

        Customers.EnsureIndex("tags", "$.tags[*]");
        Customers.EnsureIndex("stg", "$.stg");
        Customers.EnsureIndex("own", "$.own");
        Customers.EnsureIndex("ak", "$.ak[*]");
        Interactions.EnsureIndex("c", "$.c");
        StageChanges.EnsureIndex("c", "$.c");
        GradeChanges.EnsureIndex("c", "$.c");
    }

    internal ILiteCollection<BsonDocument> Customers { get; }
    internal ILiteCollection<BsonDocument> Interactions { get; }
    internal ILiteCollection<BsonDocument> Stats { get; }
    internal ILiteCollection<BsonDocument> StageChanges { get; }
    internal ILiteCollection<BsonDocument> Aliases { get; }
    internal ILiteCollection<BsonDocument> Merges { get; }
    internal ILiteCollection<BsonDocument> Erasures { get; }
    internal ILiteCollection<BsonDocument> GradeChanges { get; }
    internal ILiteCollection<BsonDocument> Claims { get; }
    internal ILiteCollection<BsonDocument> ValueFits { get; }
    internal ILiteCollection<BsonDocument> CustomerValues { get; }
    internal ILiteCollection<BsonDocument> JobRuns { get; }

    /// <summary>Runs <paramref name="work"/> as one transaction: all of it is committed, or none of it.</summary>
    internal T Write<T>(Func<T> work)
    {
        lock (_writeGate)
        {
            if (!_db.BeginTrans()) throw new InvalidOperationException("A CrmKit write was started inside another write.");
            try
            {
                var result = work();
                _db.Commit();
                return result;
            }
            catch
            {
                _db.Rollback();
                throw;
            }
        }
    }

    /// <summary>Writes every committed change into the data file and empties the log file.</summary>
    internal void Checkpoint()
    {
        lock (_writeGate) _db.Checkpoint();
    }

    /// <summary>The stored documents of a collection, for consistency checks in tests.</summary>
    internal IEnumerable<BsonDocument> Dump(string collection) => _db.GetCollection(collection).FindAll();

    public void Dispose() => _db.Dispose();
}
