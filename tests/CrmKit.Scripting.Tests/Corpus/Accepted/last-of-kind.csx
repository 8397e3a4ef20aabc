// When an interaction kind last happened (the latest of the customer's three purchases), and null for a kind the customer never had.
// expect: true
Customer.LastOfKind("purchase") == new DateTimeOffset(2025, 1, 20, 11, 0, 0, TimeSpan.Zero) && Customer.LastOfKind("no-such-kind") is null
