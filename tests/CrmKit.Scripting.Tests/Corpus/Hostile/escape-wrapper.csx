// expect: CRM0000
return true;
}
public static void Evil() {
System.IO.File.Delete("/tmp/x");
