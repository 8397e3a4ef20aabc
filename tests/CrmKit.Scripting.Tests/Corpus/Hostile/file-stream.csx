// expect: CRM0001
using var s = new System.IO.FileStream("/tmp/x", System.IO.FileMode.Create);
return true;
