// An interned string outlives the evaluation and carries a marker to the next customer.
// expect: CRM0002
return string.Intern("marker-" + Customer.Code).Length > 0;
