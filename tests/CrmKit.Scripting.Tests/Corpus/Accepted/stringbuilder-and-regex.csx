// expect: true
var sb = new StringBuilder();
foreach (var v in Customer.TextList("vehicles")) sb.Append(v).Append(';');
return sb.ToString() == "Civic;CR-V;"
    && Regex.IsMatch(Customer.Contact("phone") ?? "", @"^\+\d{3}", RegexOptions.None, TimeSpan.FromMilliseconds(50));
