// expect: CRM0002
var methods = Customer.GetType().GetMethods();
return methods.Length > 0;
