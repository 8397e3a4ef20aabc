// Small sizes pass the memory check untouched.
// expect: true
var digits = new int[4];
List<string> names = new(capacity: 2) { "a", "b" };
return new string('-', 3) == "---" && "7".PadLeft(3, '0') == "007" && digits.Length == 4 && names.Count == 2
    && new StringBuilder().Append('x', 2).ToString() == "xx";
