// A setter allocates: the builder's length set to a billion characters.
// expect: runtime CRM1002
// budget: memory
var b = new StringBuilder();
b.Length = 1_000_000_000;
return b.Length > 0;
