// Replace multiplies a string's length by the replacement's.
// expect: runtime CRM1002
// budget: memory
var s = new string('x', 100_000);
return s.Replace("x", new string('y', 100_000)).Length > 0;
