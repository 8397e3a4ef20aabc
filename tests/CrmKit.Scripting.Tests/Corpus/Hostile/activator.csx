// expect: CRM0001
var o = Activator.CreateInstance("System.Private.CoreLib", "System.Object");
return o != null;
