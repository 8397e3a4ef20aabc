// A parameter's list may not be taken as a mutable one either.
// expect: CRM0015
var list = Params.Get<string[]>("campaigns");
return list.Length > 0;
