// Regex.Replace multiplies a string's length by the replacement's.
// expect: runtime CRM1002
// budget: memory
var s = new string('x', 100_000);
return Regex.Replace(s, "x", new string('y', 100_000), RegexOptions.None, TimeSpan.FromSeconds(5)).Length > 0;
