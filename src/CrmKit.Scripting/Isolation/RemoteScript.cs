namespace CrmKit.Scripting;

/// <summary>
/// A compiled script evaluated in worker processes. The host keeps the image and loads it into
/// whichever worker evaluates it next. A batch whose worker ends (a crash, the heap limit, a stack
/// overflow, the wall-clock limit) is split until the customer that ends it is found; that customer
/// fails alone and the others are evaluated in a new worker.
/// </summary>
internal sealed class RemoteScript
{
    /// <summary>How many parts a failed batch is split into at each step.</summary>
    private const int Split = 16;

    /// <summary>
    /// After this many strikes in a row (a customer that ended a worker, or a batch the worker gave
    /// up on because the script ran past its budget for customer after customer), the script is not
    /// sent customers again until it is loaded again.
    /// </summary>
    internal const int StrikeLimit = 3;

    private static int s_nextId;

    private readonly WorkerPool _pool;
    private readonly CompiledImage _image;
    private readonly string _path;
    private readonly BudgetLimits _limits;
    private int _strikes;

    internal RemoteScript(WorkerPool pool, CompiledImage image, string path, BudgetLimits limits)
    {
        _pool = pool;
        _image = image;
        _path = path;
        _limits = limits;
        Id = Interlocked.Increment(ref s_nextId);
    }

    /// <summary>This script's id in every worker.</summary>
    internal int Id { get; }

    /// <summary>
    /// Evaluates <paramref name="customers"/> at <paramref name="context"/>: one outcome per customer,
    /// read from the worker's answer by <paramref name="read"/> (a verdict or proposals).
    /// </summary>
    internal Outcome<T>[] Evaluate<T>(IReadOnlyList<CustomerParts> customers, ScriptContext context, Func<BinaryReader, T> read)
    {
        foreach (var (name, value) in context.Parameters)
            if (ParameterWire.WhyNot(value) is { } why)
                throw new ArgumentException($"Parameter '{name}' cannot be sent to a script worker: {why}.", nameof(context));
        var outcomes = new Outcome<T>[customers.Count];
        EvaluateRange(customers, 0, customers.Count, context, read, outcomes);
        return outcomes;
    }

    private void EvaluateRange<T>(IReadOnlyList<CustomerParts> customers, int start, int count, ScriptContext context,
        Func<BinaryReader, T> read, Outcome<T>[] outcomes)
    {
        if (Volatile.Read(ref _strikes) >= StrikeLimit)
        {
            var stopped = Failure(ScriptFailure.Stopped,
                $"the script was not evaluated: {StrikeLimit} times in a row it ended its worker process or ran past its budget so often that the rest of a batch was skipped; load it again to retry.");
            for (var i = start; i < start + count; i++) outcomes[i] = Outcome<T>.Failed(stopped);
            return;
        }
        var answered = 0;
        try
        {
            // The batch is encoded before a worker is taken, so encoding overlaps another batch's evaluation.
            using var request = EvaluateRequest(customers, start, count, context);
            answered = _pool.Use(worker =>
            {
                EnsureLoaded(worker);
                var reply = worker.Call(request, _pool.Settings.BatchTimeLimit);
                var n = reply.ReadInt32();
                for (var i = 0; i < n; i++) outcomes[start + i] = ReadOne(reply, read);
                return n;
            });
        }
        catch (WorkerEndedException ended)
        {
            if (count == 1)
            {
                Interlocked.Increment(ref _strikes);
                outcomes[start] = Outcome<T>.Failed(Failure(ended.Failure, ended.Message));
                return;
            }
            var part = (count + Split - 1) / Split;
            for (var offset = 0; offset < count; offset += part)
                EvaluateRange(customers, start + offset, Math.Min(part, count - offset), context, read, outcomes);
            return;
        }
        Strike(outcomes.AsSpan(start, answered), ended: answered < count);
        // A worker answers fewer than it was sent when a customer used up its memory; it has ended,
        // and the rest go to a new one.
        if (answered < count) EvaluateRange(customers, start + answered, count - answered, context, read, outcomes);
    }

    /// <summary>
    /// Keeps count of strikes in a row: a batch the worker gave up on because the script ran past
    /// its budget for customer after customer (whatever it answered before), or a batch that ended
    /// its worker without a single success. A batch answered to the end with a success starts the
    /// count again. Counting a batch given up on as a strike even when some customers succeeded
    /// keeps the cost of a script that runs past its budget for every other customer to a few
    /// batches, however small the batches a refresh sends.
    /// </summary>
    private void Strike<T>(ReadOnlySpan<Outcome<T>> answers, bool ended)
    {
        var succeeded = false;
        var skipped = false;
        foreach (var answer in answers)
        {
            if (answer.Error is null) succeeded = true;
            else skipped |= answer.Error is ScriptRuntimeException { Failure: ScriptFailure.Stopped };
        }
        if (skipped || (ended && !succeeded)) Interlocked.Increment(ref _strikes);
        else if (succeeded) Volatile.Write(ref _strikes, 0);
    }

    private Outcome<T> ReadOne<T>(BinaryReader reply, Func<BinaryReader, T> read)
    {
        if (reply.ReadByte() == 0) return Outcome<T>.Of(read(reply));
        var failure = (ScriptFailure)reply.ReadByte();
        var line = reply.ReadInt32();
        return Outcome<T>.Failed(new ScriptRuntimeException(_path, line < 0 ? null : line, failure, reply.ReadString(), null));
    }

    private ScriptRuntimeException Failure(ScriptFailure failure, string message) => new(_path, null, failure, message, null);

    private void EnsureLoaded(WorkerProcess worker)
    {
        if (worker.Loaded.Contains(Id)) return;
        using var request = new MemoryStream();
        var w = new BinaryWriter(request);
        w.Write((byte)WorkerOp.Load);
        w.Write(Id);
        w.Write((byte)_image.Kind);
        w.Write(_path);
        w.Write(_limits.Time.Ticks);
        w.Write(_limits.MemoryBytes);
        w.Write(_image.Key);
        w.Write(_image.Assembly.Length);
        w.Write(_image.Assembly);
        w.Write(_image.Symbols.Length);
        w.Write(_image.Symbols);
        w.Flush();
        worker.Call(request, _pool.Settings.CompileTimeLimit);
        worker.Loaded.Add(Id);
        worker.Uses++;
    }

    private MemoryStream EvaluateRequest(IReadOnlyList<CustomerParts> customers, int start, int count, ScriptContext context)
    {
        var request = new MemoryStream(256 + count * 512);
        var w = new BinaryWriter(request);
        w.Write((byte)WorkerOp.Evaluate);
        w.Write(Id);
        w.WriteInstant(context.Now);
        ParameterWire.Write(w, context.Parameters);
        w.Write(count);
        // Only the parts of each customer the script can read travel; the worker shows the rest empty.
        w.Write((byte)_image.Reads);
        for (var i = start; i < start + count; i++) w.WriteCustomer(customers[i], _image.Reads);
        w.Flush();
        return request;
    }
}
