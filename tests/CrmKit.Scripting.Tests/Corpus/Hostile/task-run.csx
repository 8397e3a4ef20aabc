// expect: CRM0001
System.Threading.Tasks.Task.Run(() => 1);
return true;
