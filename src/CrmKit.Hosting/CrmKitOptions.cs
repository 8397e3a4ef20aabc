using CrmKit.Hosting.Scheduling;
using CrmKit.Loyalty;
using CrmKit.PostgreSql;

namespace CrmKit.Hosting;

/// <summary>
/// How a host runs CrmKit: the database (a file, or a PostgreSQL server that several instances
/// share), the scripts folder and the scheduled jobs. Bound from the configuration section
/// <c>CrmKit</c> (or set in code) and validated when the host starts: a bad value stops the host with
/// a message naming the option, such as <c>CrmKit:DatabasePath is required</c>.
/// </summary>
public sealed class CrmKitOptions
{
    /// <summary>
    /// The database file. Required unless <see cref="PostgreSql"/> is set; never both. It must exist
    /// unless <see cref="CreateDatabaseIfMissing"/> is set.
    /// </summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// The PostgreSQL server and schema holding the database, for several host instances sharing one
    /// customer base (bound from <c>CrmKit:PostgreSql:ConnectionString</c> and <c>CrmKit:PostgreSql:Schema</c>,
    /// or set with <see cref="UsePostgreSql"/>). Null (the default) uses <see cref="DatabasePath"/>.
    /// Pending schema migrations are applied when the host starts, once for all instances starting together.
    /// </summary>
    public PostgreSqlStoreOptions? PostgreSql { get; set; }

    /// <summary>
    /// The name this instance records in a shared database beside what it did about each scheduled
    /// run (ran it, skipped it, failed). Defaults to the machine name and process id, such as <c>web-3/4242</c>.
    /// </summary>
    public string? InstanceName { get; set; }

    /// <summary>
    /// Creates the database when <see cref="DatabasePath"/> names no file, or when the
    /// <see cref="PostgreSql"/> schema holds no CrmKit tables, for example on a host's first start.
    /// False (the default) stops the host with a message naming the missing file or schema, so a
    /// mistyped path or schema never becomes a new, empty database.
    /// </summary>
    public bool CreateDatabaseIfMissing { get; set; }

    /// <summary>
    /// How long opening the database file at start waits while another process has it open (such as a
    /// <c>crmkit</c> command), from 0 to 10 minutes. Defaults to 30 seconds. The host holds the file
    /// from start to stop; other processes wait for it or are refused.
    /// </summary>
    public TimeSpan DatabaseLockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Encrypts the file at rest with this password when set; a file must always be opened with the password it was created with. Not for <see cref="PostgreSql"/>, whose encryption at rest is the server's.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The folder of <c>*.csx</c> scripts to load and watch: segment scripts under <c>segments/</c>,
    /// care scripts under <c>care/</c>. Null (the default) loads no scripts.
    /// </summary>
    public string? ScriptsFolder { get; set; }

    /// <summary>A folder where compiled scripts are kept across restarts; null keeps them in memory only. Must be as trusted as the host's binaries.</summary>
    public string? ScriptCacheFolder { get; set; }

    /// <summary>The most real time one script evaluation may spend in loops and lambdas, from 1 ms to 1 minute. Defaults to 100 ms.</summary>
    public TimeSpan ScriptTimeBudget { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Where the folder's scripts run: <see cref="Scripting.ScriptIsolation.Worker"/> (the default), in
    /// worker processes with hard limits, or <see cref="Scripting.ScriptIsolation.InProcess"/> for
    /// scripts the application itself ships and trusts.
    /// </summary>
    public Scripting.ScriptIsolation ScriptIsolation { get; set; } = Scripting.ScriptIsolation.Worker;

    /// <summary>The GC heap hard limit of each script worker, in megabytes, at least 32. Defaults to 256.</summary>
    public int ScriptWorkerHeapLimitMegabytes { get; set; } = 256;

    /// <summary>
    /// How long the scripts folder must be quiet after a change before the changed scripts are
    /// reloaded, from 0 to 1 minute. Defaults to 250 ms, so an editor's burst of writes reloads once.
    /// </summary>
    public TimeSpan ScriptReloadDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>When each job runs. One entry per job name; see <see cref="Schedule"/>.</summary>
    public List<JobScheduleOptions> Schedules { get; set; } = [];

    /// <summary>
    /// The custom attributes customers may carry. Null (the default) uses the schema stored in the
    /// database; set, attributes it adds are stored, and a type that differs from the stored one
    /// stops the host (see <see cref="CrmOptions.Attributes"/>). Set in code; not read from configuration.
    /// </summary>
    public AttributeSchema? Attributes { get; set; }

    /// <summary>
    /// The lifecycle stages and allowed transitions. Null (the default) uses the stored model; set,
    /// stages and transitions it adds are stored (see <see cref="CrmOptions.Stages"/>). Set in code.
    /// </summary>
    public StageModel? Stages { get; set; }

    /// <summary>Interaction kinds that count as purchases. Null (the default) uses the stored kinds; set, they must equal them. Set in code.</summary>
    public IReadOnlySet<InteractionKind>? PurchaseKinds { get; set; }

    /// <summary>Interaction kinds that return money. Null (the default) uses the stored kinds; set, they must equal them. Set in code.</summary>
    public IReadOnlySet<InteractionKind>? RefundKinds { get; set; }

    /// <summary>
    /// Consent, frequency caps, quiet hours and the closed loop applied to every care proposal. Null
    /// (the default) uses the policy stored in the database; set, it replaces the stored policy. Set in code.
    /// </summary>
    public ContactPolicy? ContactPolicy { get; set; }

    /// <summary>
    /// Teams and the assignment rules that give new customers, care tasks and cases an owner. Null
    /// (the default) uses the routing stored in the database; set, it replaces the stored routing. Set in code.
    /// </summary>
    public RoutingPolicy? Routing { get; set; }

    /// <summary>
    /// The deadlines of service cases and where a passed one escalates, which the built-in
    /// <c>case-escalation</c> job applies. Null (the default) uses the policy stored in the database (as
    /// <c>crmkit configure</c> sets it; <see cref="CaseBook.DefaultPolicy"/> for a new database); set, it
    /// replaces the stored policy and is stored. Set in code.
    /// </summary>
    public CaseDeadlinePolicy? CasePolicy { get; set; }

    /// <summary>
    /// Whether care sweeps run the built-in stage rules, and their settings. Null (the default) uses
    /// the settings stored in the database; set, they replace the stored ones (see <see cref="CrmOptions.StageRules"/>). Set in code.
    /// </summary>
    public StageRuleSettings? StageRules { get; set; }

    /// <summary>
    /// The loyalty programme that earns points as interactions are recorded. Null (the default) uses
    /// the programme stored in the database; set, see <see cref="CrmOptions.Loyalty"/>. Set in code.
    /// </summary>
    public LoyaltyProgram? Loyalty { get; set; }

    /// <summary>
    /// The built-in care rules the <c>care-sweep</c> job runs besides the care scripts of the
    /// scripts folder; <see cref="CareRules.Defaults"/> unless set. Set in code.
    /// </summary>
    public IReadOnlyList<ICareRule> CareRules { get; set; } = CrmKit.CareRules.Defaults();

    /// <summary>
    /// Keeps the database on the PostgreSQL server of <paramref name="connectionString"/>, in
    /// <paramref name="schema"/>: <c>services.AddCrmKit(o => o.UsePostgreSql(connectionString))</c>.
    /// Every instance configured with the same two values shares one customer base; a scheduled job
    /// runs on one of them at a time.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string, such as <c>Host=db;Database=crm;Username=app;Password=…</c>.</param>
    /// <param name="schema">The schema of CrmKit's tables; <c>crmkit</c> by default.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException">The connection string is empty.</exception>
    public CrmKitOptions UsePostgreSql(string connectionString, string schema = PostgreSqlStoreOptions.DefaultSchema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        PostgreSql = new PostgreSqlStoreOptions { ConnectionString = connectionString, Schema = schema };
        return this;
    }

    /// <summary>Schedules the job named <paramref name="job"/>, for example <c>o.Schedule("care-sweep", Daily.At("06:00", "Europe/Paris"))</c>.</summary>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException">The job name is empty.</exception>
    public CrmKitOptions Schedule(string job, JobSchedule schedule)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        ArgumentNullException.ThrowIfNull(schedule);
        Schedules.Add(schedule.ToOptions(job));
        return this;
    }
}
