// expect: CRM0001
return AppDomain.CurrentDomain.GetAssemblies().Length > 0;
