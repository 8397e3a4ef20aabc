// Lazy operators without a lambda, chained in a loop, nest enumerators 100,000 deep; enumerating
// them used to overflow the stack in MoveNext and end the process.
// expect: runtime CRM1003
// run: child-process
IEnumerable<int> s = new List<int> { 1, 2, 3 };
var tail = new[] { 4 };
for (var i = 0; i < 100_000; i++)
    s = (i % 4) switch { 0 => s.Distinct(), 1 => s.Reverse(), 2 => s.DefaultIfEmpty(), _ => s.Concat(tail) };
return s.Contains(-1);
