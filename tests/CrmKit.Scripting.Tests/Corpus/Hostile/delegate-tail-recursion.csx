// A tail call does not grow the stack, so the time budget stops it.
// expect: runtime CRM1001
Func<object, int, int> g = (self, n) => ((Func<object, int, int>)self)(self, n + 1);
return g(g, 0) > 0;
