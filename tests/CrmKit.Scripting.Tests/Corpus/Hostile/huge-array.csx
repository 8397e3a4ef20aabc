// Stopped by the size check before the runtime would refuse the allocation.
// expect: runtime CRM1002
var a = new long[int.MaxValue];
return a.Length > 0;
