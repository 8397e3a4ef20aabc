// The tags are a read-only list: casting them back to an array to change one is refused.
// expect: CRM0015
((string[])Customer.Tags)[0] = "forged";
return true;
