using System.Reflection;
using System.Runtime.Loader;

namespace CrmKit.Scripting;

/// <summary>
/// A load context holding exactly one script assembly. Every other assembly (CrmKit, this one, the
/// runtime) resolves from the default context, so the script shares the host's types. In process
/// it is collectible: unloading it frees the script's code once nothing references it any more. In
/// a worker process it is not, so the runtime tiers the script's code with profile-guided
/// optimisation; the worker is recycled instead.
/// </summary>
internal sealed class ScriptLoadContext : AssemblyLoadContext
{
    internal ScriptLoadContext(string name, bool collectible = true) : base(name, isCollectible: collectible) { }

    /// <summary>Loads the image and returns its generated method and whether it contains budget checks.</summary>
    internal (MethodInfo Method, bool Guarded) Load(CompiledImage image)
    {
        using var assembly = new MemoryStream(image.Assembly, writable: false);
        using var symbols = new MemoryStream(image.Symbols, writable: false);
        var loaded = LoadFromStream(assembly, symbols);
        var type = loaded.GetType(ScriptWrapper.TypeName, throwOnError: true)!;
        var method = type.GetMethod(ScriptWrapper.MethodName, BindingFlags.Public | BindingFlags.Instance)!;
        var guarded = (bool)type.GetField(ScriptWrapper.GuardedField)!.GetRawConstantValue()!;
        return (method, guarded);
    }

    /// <summary>
    /// The generated method as a delegate closed over an instance of its class: the class has no
    /// state, so one instance serves every call, from any thread.
    /// </summary>
    internal static T Bind<T>(MethodInfo method) where T : Delegate =>
        method.CreateDelegate<T>(Activator.CreateInstance(method.DeclaringType!));

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
