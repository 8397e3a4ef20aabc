// kind: care
// expect: runtime CRM1001
while (Customer.Name.Length > 0) { }
Care.Propose("never");
