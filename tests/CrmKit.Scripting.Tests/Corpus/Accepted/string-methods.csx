// expect: true
var occupation = Customer.Text("occupation") ?? "";
return occupation.Trim().ToLowerInvariant() == "engineer"
    && Customer.Name.Split(' ')[0].Length == 3
    && string.Join(",", Customer.Tags.Order()) == "car-owner,newsletter,vip";
