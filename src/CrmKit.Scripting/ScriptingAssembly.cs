namespace CrmKit.Scripting; /// <summary>Scripting entry.</summary>
internal static class ScriptingAssembly { }
