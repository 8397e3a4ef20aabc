// kind: care
// expect: CRM0001
System.IO.File.WriteAllText("/tmp/care", Customer.Name);
Care.Propose("x");
