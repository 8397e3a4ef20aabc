// expect: CRM0001
Func<int> f = () => 1;
return f.DynamicInvoke() != null;
