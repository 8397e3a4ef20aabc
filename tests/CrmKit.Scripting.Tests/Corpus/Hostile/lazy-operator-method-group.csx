// A lazy operator passed on as a method group would make sequences the budget cannot follow.
// expect: CRM0013
Func<IEnumerable<int>, IEnumerable<int>> next = Enumerable.Distinct;
IEnumerable<int> s = new[] { 1 };
for (var i = 0; i < 100_000; i++) s = next(s);
return s.Any();
