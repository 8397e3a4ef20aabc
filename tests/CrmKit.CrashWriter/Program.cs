using System.Globalization;
using CrmKit;

// Usage: CrmKit.CrashWriter <database file> <run id> <seed>
// Appends batches of interactions for customers W0..W9 forever; after each committed batch it
// prints "ack <batch id> <size>" so the parent knows which batches were acknowledged.
var path = args[0];
var run = args[1];
var random = new Random(int.Parse(args[2], CultureInfo.InvariantCulture));
const int customers = 10;

using var crm = CrmDatabase.Open(CrmOptions.ForNewOrExistingFile(path));
for (var i = 0; i < customers; i++)
{
    if (crm.Customers.Find($"W{i}") is null) crm.Customers.Create(new Customer($"W{i}", $"Writer customer {i} 李"));
}
Console.Out.WriteLine("ready");
Console.Out.Flush();

var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
for (var batch = 0; ; batch++)
{
    var id = $"{run}-{batch}";
    var size = random.Next(1, 40);
    var interactions = new Interaction[size];
    for (var i = 0; i < size; i++)
    {
        var purchase = random.Next(3) > 0;
        interactions[i] = new Interaction($"W{random.Next(customers)}", purchase ? "purchase" : "inquiry", "web", start.AddMinutes(random.Next(1_000_000)))
        {
            Amount = purchase ? random.Next(1, 100_000) / 100m : null,
            Metadata = new Dictionary<string, string> { ["batch"] = id },
        };
    }
    crm.Interactions.RecordBatch(interactions);
    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ack {id} {size}"));
    Console.Out.Flush();
}
