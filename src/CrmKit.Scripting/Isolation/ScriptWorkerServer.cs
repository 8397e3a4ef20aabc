using System.ComponentModel;
using System.Globalization;

namespace CrmKit.Scripting;

/// <summary>
/// The loop of a script worker process: it reads requests from the host, compiles, loads and
/// evaluates scripts, and answers. The worker program (<c>CrmKit.Scripting.Worker</c>) calls
/// <see cref="Run"/>; applications have no reason to.
/// </summary>
/// <remarks>
/// Scripts are loaded once and never unloaded, so the runtime optimises them like the host's own
/// code (tiered compilation with profile-guided optimisation). The host reclaims their memory by
/// recycling the whole process.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ScriptWorkerServer
{
    /// <summary>Answers requests from <paramref name="input"/> on <paramref name="output"/> until the input ends; returns the exit code.</summary>
    public static int Run(Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        var exit = 0;
        // A large stack, so the compiler and the in-process guards see deep code before the
        // runtime does; past it the process ends and the host reports the script.
        var thread = new Thread(() => exit = Serve(input, output), maxStackSize: 16 * 1024 * 1024) { Name = "script worker" };
        thread.Start();
        thread.Join();
        return exit;
    }

    private static int Serve(Stream input, Stream output)
    {
        var scripts = new Dictionary<int, CompiledScript>();
        var reply = new MemoryStream();
        while (Frames.Read(input) is { } frame)
        {
            // The reply is a status byte (0 answered, 1 answered and ending, 2 failed) and the answer.
            reply.SetLength(0);
            var writer = new BinaryWriter(reply);
            var exiting = false;
            try
            {
                using var reader = new BinaryReader(new MemoryStream(frame, writable: false));
                writer.Write((byte)0);
                exiting = Handle((WorkerOp)reader.ReadByte(), reader, writer, scripts);
                if (exiting)
                {
                    writer.Flush();
                    reply.GetBuffer()[0] = 1;
                }
            }
            catch (Exception e)
            {
                reply.SetLength(0);
                writer.Write((byte)2);
                writer.Write(e.GetType().Name + ": " + e.Message);
                exiting = e is OutOfMemoryException or InsufficientExecutionStackException;
            }
            writer.Flush();
            Frames.Write(output, reply);
            if (exiting) return 0;
        }
        return 0;
    }

    /// <summary>Handles one request; true when the worker should end after answering (its memory ran out).</summary>
    private static bool Handle(WorkerOp op, BinaryReader r, BinaryWriter w, Dictionary<int, CompiledScript> scripts)
    {
        switch (op)
        {
            case WorkerOp.Check:
            case WorkerOp.Compile:
            {
                var kind = (ScriptKind)r.ReadByte();
                var path = r.ReadString();
                var source = r.ReadString();
                var key = r.ReadString();
                var (result, image) = ScriptCompiler.Compile(source, kind, path, key, emit: op == WorkerOp.Compile);
                w.WriteDiagnostics(result.Diagnostics);
                w.Write(image is not null);
                if (image is not null)
                {
                    w.Write(image.Assembly.Length);
                    w.Write(image.Assembly);
                    w.Write(image.Symbols.Length);
                    w.Write(image.Symbols);
                    w.Write((byte)image.Reads);
                }
                return false;
            }
            case WorkerOp.Load:
            {
                var id = r.ReadInt32();
                var kind = (ScriptKind)r.ReadByte();
                var path = r.ReadString();
                var options = new ScriptEngineOptions { TimeBudget = new TimeSpan(r.ReadInt64()), MemoryBudgetBytes = r.ReadInt64() };
                var key = r.ReadString();
                var assembly = r.ReadBytes(r.ReadInt32());
                var symbols = r.ReadBytes(r.ReadInt32());
                var context = new ScriptLoadContext("CrmKit script " + path, collectible: false);
                var (method, guarded) = context.Load(new CompiledImage(key, kind, assembly, symbols));
                scripts[id] = kind == ScriptKind.Segment
                    ? new SegmentScript(path, key, context, method, guarded, options)
                    : new CareScript(path, key, context, method, guarded, options);
                return false;
            }
            case WorkerOp.Evaluate:
                return Evaluate(r, w, scripts);
            default:
                throw new InvalidDataException($"Unknown request {op}.");
        }
    }

    /// <summary>
    /// Evaluates a batch and writes how many customers it answered, then each answer. It stops
    /// early, answering fewer than it was sent, once a customer used up the process's memory: the
    /// worker ends after answering, and the host sends the rest to a new one.
    /// </summary>
    private static bool Evaluate(BinaryReader r, BinaryWriter w, Dictionary<int, CompiledScript> scripts)
    {
        var id = r.ReadInt32();
        if (!scripts.TryGetValue(id, out var script)) throw new InvalidOperationException($"Script {id} is not loaded in this worker.");
        var context = new ScriptContext(r.ReadInstant(), ParameterWire.Read(r));
        var count = r.ReadInt32();
        var parts = (ViewParts)r.ReadByte();
        if (script is SegmentScript { RunsInBatch: true } batch) return EvaluateInBatch(r, w, batch, context, count, parts);
        w.Flush();
        var answeredAt = w.BaseStream.Position;
        w.Write(count);
        var answered = 0;
        var streak = new BudgetStreak();
        var outOfMemory = false;
        while (answered < count && !outOfMemory)
        {
            var customer = new CustomerView(r.ReadCustomer(parts));
            answered++;
            if (streak.Reached)
            {
                WriteFailure(w, BudgetStreak.Skipped(script.Path));
                continue;
            }
            try
            {
                if (script is SegmentScript segment)
                {
                    var member = segment.Evaluate(customer, context);
                    w.Write((byte)0);
                    w.Write(member);
                }
                else
                {
                    var proposals = ((CareScript)script).Propose(customer, context);
                    w.Write((byte)0);
                    w.WriteProposals(proposals);
                }
                streak.Record(null);
            }
            catch (ScriptRuntimeException e)
            {
                WriteFailure(w, e);
                streak.Record(e);
                outOfMemory = e.Cause is OutOfMemoryException;
            }
        }
        if (answered < count)
        {
            w.Flush();
            var end = w.BaseStream.Position;
            w.BaseStream.Position = answeredAt;
            w.Write(answered);
            w.Flush();
            w.BaseStream.Position = end;
        }
        return outOfMemory;
    }

    /// <summary>
    /// Evaluates a segment script without budget checks in its own loop over the whole batch; such
    /// a script cannot run past a budget, so every customer is answered.
    /// </summary>
    private static bool EvaluateInBatch(BinaryReader r, BinaryWriter w, SegmentScript script, ScriptContext context, int count, ViewParts parts)
    {
        var customers = new CustomerView[count];
        for (var i = 0; i < count; i++) customers[i] = new CustomerView(r.ReadCustomer(parts));
        w.Write(count);
        var outOfMemory = false;
        foreach (var outcome in script.EvaluateAll(customers, context))
        {
            if (outcome.Error is ScriptRuntimeException e)
            {
                WriteFailure(w, e);
                outOfMemory |= e.Cause is OutOfMemoryException;
                continue;
            }
            w.Write((byte)0);
            w.Write(outcome.Value);
        }
        return outOfMemory;
    }

    private static void WriteFailure(BinaryWriter w, ScriptRuntimeException e)
    {
        w.Write((byte)1);
        w.Write((byte)e.Failure);
        w.Write(e.Line ?? -1);
        w.Write(e.Detail);
    }
}
