// expect: true
var byLength = new Dictionary<int, List<string>>();
foreach (var t in Customer.Tags)
{
    if (!byLength.TryGetValue(t.Length, out var list)) byLength[t.Length] = list = new List<string>();
    list.Add(t);
}
var (shortest, longest) = (byLength.Keys.Min(), byLength.Keys.Max());
return (shortest, longest) == (3, 10) && nameof(Customer) == "Customer";
