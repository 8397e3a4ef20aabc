// Reading what earlier evaluations interned.
// expect: CRM0002
return string.IsInterned("marker-C-001") is not null;
