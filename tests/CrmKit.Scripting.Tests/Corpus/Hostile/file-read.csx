// expect: CRM0001
return System.IO.File.ReadAllText("/etc/passwd").Length > 0;
