using CrmKit;
using CrmKit.Hosting;
using CrmKit.Hosting.Configuration;
using CrmKit.Hosting.Jobs;
using CrmKit.Hosting.Scheduling;
using CrmKit.Hosting.Scripts;
using CrmKit.Hosting.Telemetry;
using CrmKit.PostgreSql;
using CrmKit.Scripting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers CrmKit in a service collection: <c>services.AddCrmKit(o => o.DatabasePath = "crm.db")</c>
/// for a file, <c>services.AddCrmKit(o => o.UsePostgreSql(connectionString))</c> for a PostgreSQL server.
/// </summary>
public static class CrmKitServiceCollectionExtensions
{
    /// <summary>The configuration section read by convention: <c>CrmKit</c>.</summary>
    public const string DefaultSection = "CrmKit";

    /// <summary>
    /// Adds CrmKit configured in code: a singleton <see cref="CrmDatabase"/> (disposed with the host),
    /// <see cref="ScriptEngine"/>, <see cref="ScriptLibrary"/> and <see cref="CrmKitMetrics"/>, the job
    /// scheduler and the scripts folder watcher. Options are validated when the host starts.
    /// Registrations use TryAdd, so a host may replace any of them (and <see cref="TimeProvider"/>) first.
    /// </summary>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddCrmKit(this IServiceCollection services, Action<CrmKitOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return services.AddCrmKitServices(DefaultSection);
    }

    /// <summary>
    /// Adds CrmKit bound from a configuration section (usually <c>configuration.GetSection("CrmKit")</c>),
    /// then <paramref name="configure"/> for what only code can set (attributes, stages, schedules).
    /// Messages about bad options name the option by the section's path, such as <c>CrmKit:DatabasePath</c>.
    /// </summary>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddCrmKit(this IServiceCollection services, IConfiguration section, Action<CrmKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.Configure<CrmKitOptions>(section);
        if (configure is not null) services.Configure(configure);
        return services.AddCrmKitServices(section is IConfigurationSection s ? s.Path : DefaultSection);
    }

    /// <summary>Registers a job the scheduler can run by its <see cref="ICrmJob.Name"/>; schedule it with <see cref="CrmKitOptions.Schedule"/>.</summary>
    /// <typeparam name="TJob">The job type, created once per host.</typeparam>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddCrmJob<TJob>(this IServiceCollection services)
        where TJob : class, ICrmJob
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICrmJob, TJob>());
        return services;
    }

    private static IServiceCollection AddCrmKitServices(this IServiceCollection services, string sectionPath)
    {
        services.AddOptions<CrmKitOptions>().ValidateOnStart();
        services.TryAddSingleton(new CrmKitSection(sectionPath));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CrmKitOptions>, CrmKitOptionsValidator>());
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CrmKitMetrics>();
        services.TryAddSingleton(OpenDatabase);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CrmKitOptions>>().Value;
            return new ScriptEngine(new ScriptEngineOptions
            {
                TimeProvider = sp.GetRequiredService<TimeProvider>(),
                TimeBudget = options.ScriptTimeBudget,
                CacheDirectory = options.ScriptCacheFolder,
                Isolation = options.ScriptIsolation,
                WorkerHeapLimitBytes = options.ScriptWorkerHeapLimitMegabytes * 1024L * 1024,
            });
        });
        services.TryAddSingleton(sp => new ScriptLibrary(sp.GetRequiredService<ScriptEngine>()));
        services.TryAddSingleton<JobStatusBoard>();
        services.TryAddSingleton<ScriptFolderStatus>();
        // Scripts load before the scheduler starts, so a job due at start finds them.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ScriptFolderWatcher>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, JobScheduler>());
        // The built-in jobs; a job only runs when a schedule names it.
        services.AddCrmJob<CareSweepJob>();
        services.AddCrmJob<SegmentRefreshJob>();
        services.AddCrmJob<CampaignRunJob>();
        services.AddCrmJob<CaseEscalationJob>();
        return services;
    }

    private static CrmDatabase OpenDatabase(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<CrmKitOptions>>().Value;
        var crm = DatabaseOptions(services, options);
        if (options.PostgreSql is not { } server) return CrmDatabase.Open(crm);
        if (!options.CreateDatabaseIfMissing && SchemaVersion(services, server) == 0)
        {
            var section = services.GetRequiredService<CrmKitSection>().Path;
            throw new InvalidOperationException(
                $"{section}:PostgreSql: schema '{server.Schema}' holds no CrmKit database; create it with 'crmkit init' (or 'crmkit db migrate'), or set {section}:CreateDatabaseIfMissing.");
        }
        return PostgreSqlCrm.Open(crm, server);
    }

    private static int SchemaVersion(IServiceProvider services, PostgreSqlStoreOptions server)
    {
        try
        {
            return PostgreSqlSchema.VersionAsync(server).GetAwaiter().GetResult();
        }
        catch (System.Data.Common.DbException e)
        {
            throw new CrmStorageException($"{services.GetRequiredService<CrmKitSection>().Path}:PostgreSql", "the server could not be reached or refused: " + e.Message, e);
        }
    }

    private static CrmOptions DatabaseOptions(IServiceProvider services, CrmKitOptions options)
    {
        var crm = new CrmOptions
        {
            FilePath = options.DatabasePath,
            CreateIfMissing = options.CreateDatabaseIfMissing,
            LockTimeout = options.DatabaseLockTimeout,
            Password = options.Password,
            TimeProvider = services.GetRequiredService<TimeProvider>(),
            SegmentScripts = new ScriptedSegments(services.GetRequiredService<ScriptEngine>()),
        };
        // Only what the host sets is given; the rest comes from the configuration stored in the database.
        if (options.Attributes is { } attributes) crm = crm with { Attributes = attributes };
        if (options.Stages is { } stages) crm = crm with { Stages = stages };
        if (options.PurchaseKinds is { } purchases) crm = crm with { PurchaseKinds = purchases };
        if (options.RefundKinds is { } refunds) crm = crm with { RefundKinds = refunds };
        if (options.ContactPolicy is { } policy) crm = crm with { ContactPolicy = policy };
        if (options.Routing is { } routing) crm = crm with { Routing = routing };
        if (options.CasePolicy is { } cases) crm = crm with { CasePolicy = cases };
        if (options.StageRules is { } stageRules) crm = crm with { StageRules = stageRules };
        if (options.Loyalty is { } loyalty) crm = crm with { Loyalty = loyalty };
        return crm;
    }
}
