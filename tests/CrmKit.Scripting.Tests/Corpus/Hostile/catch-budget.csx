// expect: CRM0010
try { while (true) { } } catch { }
return true;
