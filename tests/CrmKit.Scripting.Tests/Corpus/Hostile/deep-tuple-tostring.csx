// Library code (a value tuple's ToString) recurses over a structure built in an ordinary loop; no
// guard runs in between, so only the worker's own end stops it.
// expect: runtime CRM1003|CRM1001|CRM1002
object deep = 0;
for (var i = 0; i < 2_000_000; i++) deep = (deep, i);
return deep.ToString()!.Length > 0;
