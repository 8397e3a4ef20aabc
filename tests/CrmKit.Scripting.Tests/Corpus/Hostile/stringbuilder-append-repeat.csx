// expect: runtime CRM1002
new StringBuilder().Append('x', 1_000_000_000).Length > 0
