// expect: true
var last = Customer.Stats.LastPurchaseAt!.Value;
var recency = Now - last;
return recency.TotalDays is > 40 and < 60
    && Customer.Recency(Now) == recency
    && Now.AddYears(-1) < last;
