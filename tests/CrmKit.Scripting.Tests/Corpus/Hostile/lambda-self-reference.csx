// expect: CRM0008
Func<int, int> f = null!;
f = n => f(n + 1);
return f(0) > 0;
