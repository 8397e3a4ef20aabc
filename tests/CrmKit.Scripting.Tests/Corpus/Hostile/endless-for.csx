// expect: runtime CRM1001
for (var i = 0; ; i++) { }
