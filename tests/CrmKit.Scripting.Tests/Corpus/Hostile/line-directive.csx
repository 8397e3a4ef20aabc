// expect: CRM0006
#line 100 "elsewhere.cs"
return true;
