// expect: CRM0012
return Regex.IsMatch(Customer.Name, "^(a+)+$");
