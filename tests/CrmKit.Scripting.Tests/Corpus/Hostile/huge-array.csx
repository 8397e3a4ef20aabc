// expect: runtime CRM1000
var a = new long[int.MaxValue];
return a.Length > 0;
