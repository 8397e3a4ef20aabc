// expect: CRM0001
var path = "/tmp/crmkit-owned";
global::System.IO.File.WriteAllText(path, "x");
return true;
