// A lazy operator called after ?. cannot be metered without changing the expression.
// expect: CRM0013
IEnumerable<int>? s = new[] { 1 };
for (var i = 0; i < 100_000; i++) s = s?.Distinct();
return s!.Any();
