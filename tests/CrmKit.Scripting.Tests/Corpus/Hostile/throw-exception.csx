// expect: runtime CRM1000
var zero = Customer.Tags.Count - Customer.Tags.Count;
return 10 / zero > 1;
