// Each size of a two-dimensional array is within the budget; their product is 20 GB.
// expect: runtime CRM1002
// budget: memory
var grid = new long[50_000, 50_000];
return grid.Length > 0;
