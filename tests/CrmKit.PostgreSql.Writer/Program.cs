using System.Globalization;
using CrmKit;
using CrmKit.PostgreSql;

// Usage: CrmKit.PostgreSql.Writer <connection string> <run id> <seed> <batches (0: until killed)> <customers>
// Appends batches of interactions for customers W0..W{customers-1}, which the parent created;
// after each committed batch it prints "ack <batch id> <size>", and "done" at the end.
var connection = args[0];
var run = args[1];
var random = new Random(int.Parse(args[2], CultureInfo.InvariantCulture));
var batches = int.Parse(args[3], CultureInfo.InvariantCulture);
var customers = int.Parse(args[4], CultureInfo.InvariantCulture);

using var crm = PostgreSqlCrm.Open(new CrmOptions(), new PostgreSqlStoreOptions { ConnectionString = connection });
Console.Out.WriteLine("ready");
Console.Out.Flush();

var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
for (var batch = 0; batches == 0 || batch < batches; batch++)
{
    var id = $"{run}-{batch}";
    var size = random.Next(1, 30);
    var interactions = new Interaction[size];
    for (var i = 0; i < size; i++)
    {
        var purchase = random.Next(3) > 0;
        interactions[i] = new Interaction($"W{random.Next(customers)}", purchase ? "purchase" : "inquiry", random.Next(2) == 0 ? "web" : "store", start.AddMinutes(random.Next(1_000_000)))
        {
            Amount = purchase ? random.Next(1, 100_000) / 100m : null,
            Metadata = new Dictionary<string, string> { ["batch"] = id },
        };
    }
    crm.Interactions.RecordBatch(interactions);
    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ack {id} {size}"));
    Console.Out.Flush();
}
Console.Out.WriteLine("done");
