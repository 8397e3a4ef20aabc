// Equals recurses through nested key-value pairs built in a loop.
// expect: runtime CRM1003|CRM1001|CRM1002
object a = 0, b = 0;
for (var i = 0; i < 2_000_000; i++) { a = new KeyValuePair<object, int>(a, i); b = new KeyValuePair<object, int>(b, i); }
return a.Equals(b);
