// expect: runtime CRM1001
var x = 1;
do { x = x * 3 % 7; } while (x != 0);
return true;
