// A lambda over the customer's tags that itself runs a long computation: only the innermost
// lambda may go unchecked; the outer one counts against the time budget.
// expect: runtime CRM1001
var list = new List<long>();
for (var i = 0; i < 1_000_000; i++) list.Add(i);
return Customer.Tags.Any(t => list.Any(a => list.Any(b => a + b < 0)));
