// expect: CRM0001
System.Threading.Thread.Sleep(10_000);
return true;
