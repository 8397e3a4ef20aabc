// expect: CRM0006
#r "System.IO.FileSystem.dll"
return true;
