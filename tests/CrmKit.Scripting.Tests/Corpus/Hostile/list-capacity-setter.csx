// A setter allocates: a list's capacity set to half a billion.
// expect: runtime CRM1002
// budget: memory
var list = new List<long>();
list.Capacity = 500_000_000;
return list.Capacity > 0;
