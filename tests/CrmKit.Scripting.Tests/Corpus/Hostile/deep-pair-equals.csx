// Equals recurses through nested key-value pairs built in a loop; the worker ends (the runtime
// does not always name the stack overflow on its way out, hence CRM1005 too).
// expect: runtime CRM1003|CRM1001|CRM1002|CRM1005
object a = 0, b = 0;
for (var i = 0; i < 2_000_000; i++) { a = new KeyValuePair<object, int>(a, i); b = new KeyValuePair<object, int>(b, i); }
return a.Equals(b);
