// expect: CRM0004
Span<byte> big = stackalloc byte[100_000_000];
return big.Length > 0;
