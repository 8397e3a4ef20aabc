// expect: true
// Every query clause: from, let, where, join, orderby, group … into, select.
var lengths = new List<int> { 3, 9, 4 };
var pairs = from t in Customer.Tags
            let n = t.Length
            where n > 0
            join l in lengths on n equals l
            orderby n descending, t
            select (Tag: t, Length: n);
var byLength = from t in Customer.Tags
               group t by t.Length into g
               orderby g.Key
               select new { g.Key, Count = g.Count() };
var cross = (from a in Customer.Tags from b in Customer.Tags where a != b select a + b).Count();
return pairs.All(p => p.Tag.Length == p.Length) && byLength.Sum(x => x.Count) == Customer.Tags.Count
    && cross == Customer.Tags.Count * (Customer.Tags.Count - 1);
