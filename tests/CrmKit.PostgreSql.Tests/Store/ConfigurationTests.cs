namespace CrmKit.PostgreSql.Tests.Store;

/// <summary>
/// The configuration is kept in the PostgreSQL database as it is in a file: the first open stores
/// it, later opens get it without being told, may add to it, and are refused when they contradict it.
/// </summary>
public sealed class ConfigurationTests(StoreDatabase db) : IClassFixture<StoreDatabase>
{
    private CrmDatabase OpenWith(CrmOptions options) =>
        PostgreSqlCrm.Open(options with { TimeProvider = db.Clock }, new PostgreSqlStoreOptions { ConnectionString = db.ConnectionString });

    [Fact]
    public void A_later_open_gets_the_stored_configuration_adds_to_it_and_refuses_a_contradiction()
    {
        // The fixture's first open stored its schema; an open that says nothing gets it back.
        using (var plain = OpenWith(new CrmOptions()))
        {
            Assert.Equal(AttributeType.Integer, plain.Options.Attributes.Attributes["visits"]);
            Assert.Equal(StoreDatabase.Schema.Attributes.Count, plain.Options.Attributes.Attributes.Count);
        }

        using (var adding = OpenWith(new CrmOptions
        {
            Attributes = AttributeSchema.Empty.Define("plan", AttributeType.Text),
            ContactPolicy = new ContactPolicy { MaxPerChannel = 2, RequireOptIn = true, QuietStart = new TimeOnly(21, 30), QuietEnd = new TimeOnly(8, 0) },
        }))
        {
            Assert.True(adding.Options.Attributes.Attributes.ContainsKey("city"));
        }

        using (var later = OpenWith(new CrmOptions()))
        {
            Assert.Equal(AttributeType.Text, later.Options.Attributes.Attributes["plan"]);
            Assert.Equal(AttributeType.Text, later.Options.Attributes.Attributes["city"]);
            Assert.Equal((2, true, new TimeOnly(21, 30), new TimeOnly(8, 0)),
                (later.Options.ContactPolicy.MaxPerChannel, later.Options.ContactPolicy.RequireOptIn, later.Options.ContactPolicy.QuietStart, later.Options.ContactPolicy.QuietEnd));
        }

        var refused = Assert.Throws<CrmConfigurationException>(() => OpenWith(new CrmOptions { Attributes = AttributeSchema.Empty.Define("visits", AttributeType.Text) }));
        Assert.Contains("attributes.visits", refused.Message, StringComparison.Ordinal);
        using var after = OpenWith(new CrmOptions());
        Assert.Equal(AttributeType.Integer, after.Options.Attributes.Attributes["visits"]);
    }
}
