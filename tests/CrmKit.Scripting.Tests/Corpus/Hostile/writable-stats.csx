// The stats' counts are read-only too.
// expect: CRM0015
var counts = Customer.Stats.CountsByKind as Dictionary<string, int>;
counts?.Clear();
return true;
