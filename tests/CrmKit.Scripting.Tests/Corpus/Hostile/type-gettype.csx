// expect: CRM0001
var t = Type.GetType("System.IO.File");
return t != null;
