// expect: runtime CRM1003
// run: child-process
Func<object, int, int> g = (self, n) => 1 + ((Func<object, int, int>)self)(self, n + 1);
return g(g, 0) > 0;
