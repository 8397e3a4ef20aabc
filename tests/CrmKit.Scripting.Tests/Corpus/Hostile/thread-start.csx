// expect: CRM0001
var t = new System.Threading.Thread(() => { });
t.Start();
return true;
