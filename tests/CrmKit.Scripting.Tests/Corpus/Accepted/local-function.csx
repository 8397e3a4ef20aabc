// expect: true
static bool IsLoyal(int purchases, decimal total) => purchases >= 2 && total > 500m;
return IsLoyal(Customer.Stats.PurchaseCount, Customer.MonetaryTotal);
