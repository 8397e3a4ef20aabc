// expect: CRM0001
System.Runtime.CompilerServices.Unsafe.SkipInit(out int x);
return x == 0;
