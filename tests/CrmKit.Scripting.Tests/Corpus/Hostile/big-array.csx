// Eight hundred megabytes in one array: less than the runtime refuses, more than the budget allows.
// expect: runtime CRM1002
var a = new long[100_000_000];
return a.Length > 0;
