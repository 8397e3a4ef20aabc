// expect: CRM0001
Environment.FailFast("bye");
return true;
