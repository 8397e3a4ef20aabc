// expect: CRM0003
dynamic d = Customer;
return d.Code != null;
