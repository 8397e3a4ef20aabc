namespace CrmKit.Hosting.Configuration;

/// <summary>The configuration path the options came from (such as <c>CrmKit</c>), so every message names the option as the operator wrote it.</summary>
internal sealed record CrmKitSection(string Path);
