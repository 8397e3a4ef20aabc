namespace CrmKit.Hosting; /// <summary>Hosting entry.</summary>
internal static class HostingAssembly { }
