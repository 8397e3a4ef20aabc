using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Storage.Contract;

/// <summary>Bulk export and restore on every store: a whole base round-trips, byte for byte.</summary>
public abstract class TransferContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    /// <summary>A small base with something in every exported table: stage and grade changes, claims, tasks, a refreshed segment, identifiers, a merge.</summary>
    private static Gen<(Customer[] Customers, Interaction[][] Batches, int Seed)> Base { get; } =
        from count in Gen.Choose(1, 3)
        from c0 in Generators.Customer("C0")
        from c1 in Generators.Customer("C1")
        from c2 in Generators.Customer("C2")
        let customers = new[] { c0, c1, c2 }.Take(count)
        from batches in Generators.Batches(count)
        from seed in Gen.Choose(0, 1_000)
        select (customers.ToArray(), batches, seed);

    private static void Fill(TestDatabase db, (Customer[] Customers, Interaction[][] Batches, int Seed) input)
    {
        var crm = db.Crm;
        var random = new Random(input.Seed);
        foreach (var c in input.Customers) crm.Customers.Create(c);
        foreach (var batch in input.Batches) crm.Interactions.RecordBatch(batch);
        foreach (var c in input.Customers)
        {
            db.Clock.Advance(TimeSpan.FromMinutes(random.Next(1, 600)));
            if (random.Next(2) == 0) crm.Lifecycle.Change(c.Code, "new", "first purchase", "sales.李");
            if (random.Next(2) == 0) crm.Grades.Assign(c.Code, "A", "big order", "sales.li");
            if (random.Next(2) == 0) crm.Claims.Take(c.Code, "sales." + random.Next(3));
            if (random.Next(2) == 0) crm.Identity.Link("cards", $"卡-{random.Next(100)}-{c.Code}", c.Code);
            var now = db.Clock.GetUtcNow();
            var task = new CareTask { Customer = c.Code, Rule = "birthday", OccasionKey = "birthday:2026", Channel = Channel.Sms, Due = now, ProposedDue = now, CreatedAt = now, Note = random.Next(2) == 0 ? "" : "带礼物" };
            crm.Store.WriteAsync((s, ct) => s.Care.InsertAsync(task, CareKeys.Dedup(task), ct), default).AsTask().GetAwaiter().GetResult();
        }
        crm.Segments.Define(new SegmentDefinition("grown", "customers past prospect", new SegmentFilter(SegmentClause.StageIn("new"))) { Parameters = new Dictionary<string, string> { ["note"] = "季度" } });
        crm.Segments.Refresh("grown");
        if (input.Customers.Length > 1) crm.Customers.Merge("C0", "C1", "reviewer", "same person");
    }

    private static string Folder() => Path.Combine(Path.GetTempPath(), "crmkit-transfer", Guid.NewGuid().ToString("N"));

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);

    [Property(MaxTest = 8)]
    public Property Export_restore_and_export_again_gives_the_same_bytes() =>
        Prop.ForAll(Base.ToArbitrary(), Gen.Elements(ExportFormat.JsonLines, ExportFormat.Csv).ToArbitrary(), (input, format) =>
        {
            var first = Folder();
            var second = Folder();
            try
            {
                using var source = Open();
                Fill(source, input);
                var exported = source.Crm.Bulk.Export(first, format);

                using var target = Open();
                var restored = target.Crm.Bulk.Restore(first);
                target.Reopen();
                target.Crm.Bulk.Export(second, format);

                var a = Files(first);
                var b = Files(second);
                var same = a.Keys.Order(StringComparer.Ordinal).SequenceEqual(b.Keys.Order(StringComparer.Ordinal)) && a.All(f => f.Value.AsSpan().SequenceEqual(b[f.Key]));
                var stats = source.Crm.Customers.All(new PageRequest(0, 100)).Items
                    .All(c => source.Crm.Interactions.Stats(c.Code).Equals(target.Crm.Interactions.Stats(c.Code)));
                return (same && stats && exported.Rows.SequenceEqual(restored.Rows) && exported.Rows["customers"] == source.Crm.Customers.Count())
                    .Label(same ? "stats differ" : string.Join("\n", a.Where(f => !b.TryGetValue(f.Key, out var other) || !f.Value.AsSpan().SequenceEqual(other))
                        .Select(f => $"{f.Key}:\n{System.Text.Encoding.UTF8.GetString(f.Value)}\n---\n{(b.TryGetValue(f.Key, out var o) ? System.Text.Encoding.UTF8.GetString(o) : "(missing)")}")));
            }
            finally
            {
                foreach (var folder in new[] { first, second }.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
            }
        });

    [Fact]
    public void A_restored_base_holds_the_same_customers_history_and_members()
    {
        var folder = Folder();
        try
        {
            using var source = Open();
            var profile = new Customer("C0", "王芳")
            {
                Attributes = new Dictionary<string, AttributeValue> { ["balance"] = AttributeValue.Decimal(12.50m), ["hobbies"] = AttributeValue.TextList(["hiking", "🎣"]) },
                ContactPoints = [ContactPoint.Phone("+86 138 0000 1001")],
                Consents = new Dictionary<Channel, Consent> { [Channel.Sms] = new(false, source.Clock.GetUtcNow()) },
            };
            Fill(source, ([profile, new Customer("C1", "陳大文") { Tags = ["vip"] }], [], 7));
            source.Crm.Lifecycle.Change("C0", "new", "bought", "sales.li");
            source.Crm.Segments.Refresh("grown");
            source.Crm.Bulk.Export(folder, ExportFormat.Csv);

            using var target = Open();
            target.Crm.Bulk.Restore(folder);

            // Every field, compared in its exported form (attributes, contact points and consents item by item).
            Assert.Equal(CustomerTable.Write(source.Crm.Customers.Get("C0")).ToJsonString(), CustomerTable.Write(target.Crm.Customers.Get("C0")).ToJsonString());
            Assert.Contains("\"balance\":{\"type\":\"Decimal\",\"value\":12.50}", File.ReadAllText(Path.Combine(folder, "customers.csv")).Replace("\"\"", "\"", StringComparison.Ordinal));
            Assert.Equal(source.Crm.Lifecycle.History("C0"), target.Crm.Lifecycle.History("C0"));
            Assert.Equal(source.Crm.Grades.History("C0"), target.Crm.Grades.History("C0"));
            Assert.Equal(source.Crm.Segments.Members("grown", PageRequest.First).Items, target.Crm.Segments.Members("grown", PageRequest.First).Items);
            Assert.Equal(source.Crm.Identity.Of("C0"), target.Crm.Identity.Of("C0"));
            Assert.Throws<CrmValidationException>(() => target.Crm.Bulk.Restore(folder));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
