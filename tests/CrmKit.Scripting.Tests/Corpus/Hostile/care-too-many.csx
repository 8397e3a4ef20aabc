// kind: care
// expect: runtime CRM1000
for (var i = 0; i < 1000; i++) Care.Propose("spam");
