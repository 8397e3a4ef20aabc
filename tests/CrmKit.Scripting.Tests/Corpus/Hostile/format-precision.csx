// A format precision is a size too: nearly a billion digits.
// expect: runtime CRM1002|CRM1000
// budget: memory
return 1.5m.ToString("F999999999").Length > 0;
