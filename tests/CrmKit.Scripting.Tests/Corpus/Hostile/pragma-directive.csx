// expect: CRM0006
#pragma warning disable
return true;
