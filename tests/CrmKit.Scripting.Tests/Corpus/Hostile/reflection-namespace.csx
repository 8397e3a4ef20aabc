// expect: CRM0001
var a = System.Reflection.Assembly.Load("System.IO.FileSystem");
return a != null;
