// expect: CRM0001
Func<string, bool> exists = System.IO.File.Exists;
return Customer.Tags.Any(exists);
