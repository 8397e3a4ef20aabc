// expect: CRM0001
System.Diagnostics.Process.GetCurrentProcess().Kill();
return true;
