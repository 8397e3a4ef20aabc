// expect: CRM0002
return Enumerable.Range(0, int.MaxValue).ToArray().Length > 0;
