// expect: true
var long_tags = from t in Customer.Tags
                where t.Length > 5
                orderby t
                select t.ToUpperInvariant();
return long_tags.First() == "CAR-OWNER";
