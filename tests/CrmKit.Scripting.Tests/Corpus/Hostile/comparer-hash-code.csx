// The same through a comparer.
// expect: CRM0016
return StringComparer.Ordinal.GetHashCode(Customer.Code) % 2 == 0;
