// expect: CRM0001
Func<string, string?> read = Environment.GetEnvironmentVariable;
return read("HOME") != null;
