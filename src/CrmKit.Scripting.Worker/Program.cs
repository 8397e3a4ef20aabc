using System.Reflection;

// The worker speaks frames on its standard streams; nothing else may write to standard output.
var output = Console.OpenStandardOutput();
Console.SetOut(TextWriter.Null);
var input = Console.OpenStandardInput();

// CrmKit.Scripting sits in the same folder; it is found by name (this program references nothing,
// so that CrmKit.Scripting can carry the worker without a reference cycle).
var server = Assembly.Load(new AssemblyName("CrmKit.Scripting")).GetType("CrmKit.Scripting.ScriptWorkerServer", throwOnError: true)!;
var run = server.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!;
return (int)run.Invoke(null, [input, output])!;
