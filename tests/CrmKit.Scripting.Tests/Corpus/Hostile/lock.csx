// expect: CRM0010
lock (Customer) { }
return true;
