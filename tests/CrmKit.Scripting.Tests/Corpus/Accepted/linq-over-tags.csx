// expect: true
Customer.Tags.Any(t => t.StartsWith("vip")) && Customer.Tags.Count(t => t.Contains('-')) == 1
