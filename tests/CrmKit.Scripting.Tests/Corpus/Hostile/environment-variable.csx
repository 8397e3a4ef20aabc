// expect: CRM0001
return Environment.GetEnvironmentVariable("HOME") != null;
