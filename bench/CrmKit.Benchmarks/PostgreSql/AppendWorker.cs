using System.Globalization;

namespace CrmKit.Benchmarks.PostgreSql;

/// <summary>
/// A child process for <see cref="PgConcurrentAppendBenchmarks"/>: the benchmark program started as
/// <c>pg-append-worker &lt;connection string&gt; &lt;seed&gt; &lt;customers&gt; &lt;batch size&gt; &lt;batches&gt;</c>.
/// It opens its own CrmKit instance (its own connection pool, as another host would), prints
/// <c>ready</c>, and for every line <c>go</c> on its input appends the batches for random customers
/// C00000 … and prints <c>done</c>. It ends when its input closes.
/// </summary>
public static class AppendWorker
{
    public const string Command = "pg-append-worker";

    public static int Run(string[] args)
    {
        var connection = args[1];
        var random = new Random(int.Parse(args[2], CultureInfo.InvariantCulture));
        var customers = int.Parse(args[3], CultureInfo.InvariantCulture);
        var size = int.Parse(args[4], CultureInfo.InvariantCulture);
        var batches = int.Parse(args[5], CultureInfo.InvariantCulture);
        using var crm = CrmKit.PostgreSql.PostgreSqlCrm.Open(BenchBase.Options(), new CrmKit.PostgreSql.PostgreSqlStoreOptions { ConnectionString = connection });
        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        var start = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.FromHours(1));
        while (Console.In.ReadLine() is "go")
        {
            for (var b = 0; b < batches; b++)
            {
                var batch = new Interaction[size];
                for (var i = 0; i < size; i++)
                {
                    var purchase = random.Next(3) > 0;
                    batch[i] = new Interaction($"C{random.Next(customers):D5}", purchase ? "purchase" : "inquiry", "store", start.AddMinutes(random.Next(1_000_000)))
                    {
                        Amount = purchase ? random.Next(100, 100_000) / 100m : null,
                    };
                }
                crm.Interactions.RecordBatch(batch);
            }
            Console.Out.WriteLine("done");
            Console.Out.Flush();
        }
        return 0;
    }
}
