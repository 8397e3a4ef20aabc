// Exception.ToString over a long chain of inner exceptions.
// expect: runtime CRM1001|CRM1002|CRM1003|CRM1004|CRM1005
Exception e = new Exception("x");
for (var i = 0; i < 1_000_000; i++) e = new Exception("x", e);
return e.ToString().Length > 0;
