// expect: CRM0006
#load "other.csx"
return true;
