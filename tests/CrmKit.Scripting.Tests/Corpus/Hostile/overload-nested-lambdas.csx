// Nested lambdas passed to overloaded methods: the compiler binds each lambda once per overload
// (Sum has ten that take a selector) and the lambdas inside it again for each, so eight levels
// would keep it busy for hours. Rejected before binding, at the lambda that nests too deeply.
// expect: CRM0014
var a = new[] { 1, 2, 3 };
var b = new[] { 1m, 2m };
return a.Sum(x1 => b.Sum(x2 => a.Sum(x3 => b.Sum(x4 => a.Sum(x5 => b.Sum(x6 => a.Sum(x7 => b.Sum(x8 =>
    x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8)))))))) > 0;
