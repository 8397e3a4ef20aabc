// A string's hash code differs from process to process: membership would too.
// expect: CRM0016
return Customer.Code.GetHashCode() % 2 == 0;
