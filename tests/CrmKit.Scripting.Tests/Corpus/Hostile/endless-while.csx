// expect: runtime CRM1001
var n = 0L;
while (true) { n++; }
return n > 0;
