// expect: CRM0011
Func<System.Threading.Tasks.Task> f = async () => { };
return true;
