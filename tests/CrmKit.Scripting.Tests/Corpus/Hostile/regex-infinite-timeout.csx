// A catastrophic pattern with an infinite match timeout: stopped by the worker's limit.
// expect: runtime CRM1001|CRM1004
return Regex.IsMatch(new string('a', 40) + "!", "^(a+)+$", RegexOptions.None, Regex.InfiniteMatchTimeout);
