// expect: CRM0002
return string.Concat(Enumerable.Repeat("ab", int.MaxValue)).Length > 0;
