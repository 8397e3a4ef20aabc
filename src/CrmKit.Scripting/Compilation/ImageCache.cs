using System.Collections.Concurrent;

namespace CrmKit.Scripting;

/// <summary>
/// Compiled scripts by cache key: in memory (bounded) and, when a folder is set, on disk as
/// <c>{key}.dll</c>, <c>{key}.pdb</c> and <c>{key}.reads</c> (the parts of the customer view it reads). Thread-safe. Files are written to a temporary name and
/// then moved, so a crash never leaves half a file under a real name.
/// </summary>
internal sealed class ImageCache
{
    private readonly ConcurrentDictionary<string, CompiledImage> _memory = new(StringComparer.Ordinal);
    private readonly string? _directory;
    private readonly int _capacity;

    internal ImageCache(string? directory, int capacity)
    {
        _directory = directory;
        _capacity = capacity;
    }

    internal bool TryGet(string key, ScriptKind kind, out CompiledImage image)
    {
        if (_memory.TryGetValue(key, out image!)) return true;
        if (_directory is null) return false;
        var dll = Path.Combine(_directory, key + ".dll");
        var pdb = Path.Combine(_directory, key + ".pdb");
        if (!File.Exists(dll) || !File.Exists(pdb)) return false;
        try
        {
            // The parts a script reads are kept beside it; without that file, the worker is sent everything.
            var reads = Path.Combine(_directory, key + ".reads");
            var parts = File.Exists(reads) && File.ReadAllBytes(reads) is [var b] ? (ViewParts)b & ViewParts.All : ViewParts.All;
            image = new CompiledImage(key, kind, File.ReadAllBytes(dll), File.ReadAllBytes(pdb), parts);
        }
        catch (IOException)
        {
            return false;
        }
        Remember(image);
        return true;
    }

    internal void Add(CompiledImage image)
    {
        Remember(image);
        if (_directory is null) return;
        Directory.CreateDirectory(_directory);
        Write(Path.Combine(_directory, image.Key + ".reads"), [(byte)image.Reads]);
        Write(Path.Combine(_directory, image.Key + ".pdb"), image.Symbols);
        Write(Path.Combine(_directory, image.Key + ".dll"), image.Assembly);
    }

    private void Remember(CompiledImage image)
    {
        if (_capacity == 0) return;
        if (_memory.Count >= _capacity)
            foreach (var key in _memory.Keys.Take(_memory.Count - _capacity + 1)) _memory.TryRemove(key, out _);
        _memory[image.Key] = image;
    }

    private static void Write(string path, byte[] bytes)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
