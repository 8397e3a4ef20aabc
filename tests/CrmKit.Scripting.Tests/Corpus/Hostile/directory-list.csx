// expect: CRM0001
return System.IO.Directory.GetFiles("/").Length > 0;
