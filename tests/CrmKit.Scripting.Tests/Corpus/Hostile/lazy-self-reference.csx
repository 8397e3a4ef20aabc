// A lazy sequence that flattens itself. Enumerating it nests enumerators without end; it must stop
// with a stack-depth error, and disposing the nested enumerators while the error unwinds must not
// overflow the stack (it used to end the process, so it runs in a child process).
// expect: runtime CRM1003
// run: child-process
var parts = new IEnumerable<int>[1];
parts[0] = parts.SelectMany(p => p);
return parts[0].Any();
