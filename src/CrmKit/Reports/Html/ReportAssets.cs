using System.Reflection;
using System.Security.Cryptography;

namespace CrmKit.Reports.Html;

/// <summary>
/// The files a report page carries inside it, embedded in this assembly: Apache ECharts (the
/// unchanged <c>dist/echarts.min.js</c> of the npm package, under the Apache License 2.0, see
/// <c>echarts.LICENSE.txt</c> beside it), the page's own script and its style sheet.
/// </summary>
internal static class ReportAssets
{
    internal const string ChartLibrary = "Apache ECharts 6.1.0";

    internal static byte[] ECharts => Read("echarts.min.js");

    internal static byte[] Script => Read("report.js");

    internal static byte[] Styles => Read("report.css");

    /// <summary>The Content-Security-Policy source that allows exactly this inline script: <c>'sha256-…'</c>.</summary>
    internal static string HashSource(byte[] script) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(script))}'";

    private static byte[] Read(string name)
    {
        using var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream("CrmKit.Reports." + name)
            ?? throw new InvalidOperationException($"The report asset '{name}' is not embedded in {typeof(ReportAssets).Assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The version of CrmKit that writes the page.</summary>
    internal static string Version =>
        typeof(ReportAssets).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
