// expect: CRM0009
var asm = typeof(string).Assembly;
return asm != null;
