// A catastrophic pattern with a timeout of a day.
// expect: runtime CRM1001|CRM1004
return Regex.IsMatch(new string('a', 40) + "!", "^(a+)+$", RegexOptions.None, TimeSpan.FromDays(1));
