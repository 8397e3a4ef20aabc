// One call that would allocate two gigabytes at once, with no loop to check a budget in.
// expect: runtime CRM1002
"x".PadLeft(1_000_000_000).Length > 5
