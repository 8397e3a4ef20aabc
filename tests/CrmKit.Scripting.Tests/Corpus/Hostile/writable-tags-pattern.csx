// The same through a type test.
// expect: CRM0015
if (Customer.Tags is IList<string> tags) tags[0] = "forged";
return true;
