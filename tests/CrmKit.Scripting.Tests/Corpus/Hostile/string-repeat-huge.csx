// expect: runtime CRM1002
new string('x', 500_000_000).Length > 0
