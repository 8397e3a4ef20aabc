// expect: CRM0001
Func<int> f = () => 1;
return f.Method.Name.Length > 0;
