// expect: CRM0004
unsafe { int x = 1; int* p = &x; *p = 2; }
return true;
