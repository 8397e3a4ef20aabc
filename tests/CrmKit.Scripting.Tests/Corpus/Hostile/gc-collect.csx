// expect: CRM0001
GC.Collect();
return true;
