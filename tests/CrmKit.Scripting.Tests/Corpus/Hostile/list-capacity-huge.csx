// expect: runtime CRM1002
new List<long>(capacity: 200_000_000).Capacity > 0
