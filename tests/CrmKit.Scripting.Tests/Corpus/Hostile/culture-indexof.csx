// Culture-sensitive IndexOf over a long string took 38 s in process; a worker compares ordinally
// (invariant globalization) and finishes at once.
// expect: finished
var text = new string('\u00e9', 2_000_000);
return text.IndexOf("e\u0301x", StringComparison.CurrentCulture) < 0 || true;
