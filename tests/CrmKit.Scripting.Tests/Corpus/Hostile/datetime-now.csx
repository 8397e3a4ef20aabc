// expect: CRM0002
return DateTime.Now.Hour > 3;
