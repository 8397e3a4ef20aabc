namespace CrmKit.Scripting;

/// <summary>The emitted assembly and portable PDB of one accepted script, ready to load.</summary>
/// <param name="Key">The cache key: a hash of the source, the kind and the globals version.</param>
/// <param name="Kind">The script's kind.</param>
/// <param name="Assembly">The assembly's bytes.</param>
/// <param name="Symbols">The portable PDB's bytes (maps stack-trace lines to the user's file).</param>
/// <param name="Reads">The parts of the customer view the script can read, so a worker is sent only those.</param>
internal sealed record CompiledImage(string Key, ScriptKind Kind, byte[] Assembly, byte[] Symbols, ViewParts Reads = ViewParts.All);
