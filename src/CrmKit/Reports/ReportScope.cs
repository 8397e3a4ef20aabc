using CrmKit.Storage;

namespace CrmKit.Reports;

/// <summary>What every section of one report shares: the database, the period, its time zone and buckets.</summary>
internal sealed class ReportScope
{
    internal ReportScope(CrmContext context, CrmDatabase crm, ReportOptions options)
    {
        Context = context;
        Crm = crm;
        Options = options;
        Now = context.Now;
        (From, To) = options.Period(Now);
        Zone = options.TimeZone;
        Buckets = new TimeBuckets(From, To, Zone);
    }

    internal CrmContext Context { get; }

    internal CrmDatabase Crm { get; }

    internal ReportOptions Options { get; }

    /// <summary>When the report was made.</summary>
    internal DateTimeOffset Now { get; }

    /// <summary>The period's start (inclusive).</summary>
    internal DateTimeOffset From { get; }

    /// <summary>The period's end (exclusive).</summary>
    internal DateTimeOffset To { get; }

    internal TimeZoneInfo Zone { get; }

    /// <summary>The period cut into days, weeks or months, for series over time.</summary>
    internal TimeBuckets Buckets { get; }

    /// <summary>The period in words, such as <c>2025-12-01 to 2026-11-30</c>.</summary>
    internal string PeriodText => $"{ReportCalendar.DateLabel(From, Zone)} to {ReportCalendar.DateLabel(To.AddTicks(-1), Zone)}";

    /// <summary>One read unit of work on the store.</summary>
    internal ValueTask<T> Read<T>(Func<IStoreSession, CancellationToken, ValueTask<T>> work, CancellationToken ct) => Context.Read(work, ct);
}
