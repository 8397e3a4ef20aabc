// The same self-flattening sequence written as a query expression.
// expect: runtime CRM1003
// run: child-process
var parts = new IEnumerable<int>[1];
parts[0] = from p in parts from q in p select q;
return parts[0].Any();
