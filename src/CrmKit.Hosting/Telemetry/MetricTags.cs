using System.Text.RegularExpressions;

namespace CrmKit.Hosting.Telemetry;

/// <summary>
/// The tag values CrmKit's instruments carry, each from a small fixed set or from names the
/// application chose (job, rule and script names), never from data such as customer codes, so a
/// metrics backend sees a bounded number of series.
/// </summary>
internal static partial class MetricTags
{
    /// <summary>The failure kind for anything that is not a script failure code.</summary>
    internal const string OtherFailure = "exception";

    /// <summary>The <c>reason</c> of <c>crmkit.care.tasks.suppressed</c>.</summary>
    internal static string Of(SuppressionReason reason) => reason switch
    {
        SuppressionReason.OptedOut => "opted-out",
        SuppressionReason.NoConsent => "no-consent",
        SuppressionReason.FrequencyCap => "frequency-cap",
        SuppressionReason.OccasionClosed => "occasion-closed",
        SuppressionReason.ClosedLoop => "closed-loop",
        _ => "other",
    };

    /// <summary>
    /// The <c>reason</c> of <c>crmkit.script.failures</c> for an evaluation failure: a script
    /// failure code (<c>CRM1001</c> and the like) as it is, and <see cref="OtherFailure"/> for
    /// everything else, since exception type names are open-ended.
    /// </summary>
    internal static string OfFailure(string kind) => FailureCode().IsMatch(kind) ? kind : OtherFailure;

    [GeneratedRegex("^CRM[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex FailureCode();
}
