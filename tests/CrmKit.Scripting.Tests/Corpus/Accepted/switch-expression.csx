// expect: true
var tier = Customer.MonetaryTotal switch
{
    >= 10_000m => "gold",
    >= 1_000m => "silver",
    _ => "bronze",
};
return tier == "silver";
