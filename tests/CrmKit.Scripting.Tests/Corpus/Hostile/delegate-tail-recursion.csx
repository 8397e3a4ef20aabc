// A tail call does not grow the stack, so the time budget stops it; code that is not yet
// optimised (a worker tiers scripts up) makes no tail call, and the stack check stops it.
// expect: runtime CRM1001|CRM1003
Func<object, int, int> g = (self, n) => ((Func<object, int, int>)self)(self, n + 1);
return g(g, 0) > 0;
