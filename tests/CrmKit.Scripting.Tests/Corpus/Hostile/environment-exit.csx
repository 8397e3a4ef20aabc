// expect: CRM0001
Environment.Exit(1);
return true;
