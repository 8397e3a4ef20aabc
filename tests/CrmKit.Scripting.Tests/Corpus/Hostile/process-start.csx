// expect: CRM0001
System.Diagnostics.Process.Start("rm", "-rf /");
return true;
