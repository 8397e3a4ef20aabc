// expect: true
var income = Customer.Decimal("income") ?? 0m;
var monthly = Math.Round(income / 12m, 2, MidpointRounding.ToEven);
return monthly == 7083.38m && Customer.MonetaryTotal == 2100.50m && Customer.AverageSpend > 700m;
