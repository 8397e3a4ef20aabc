// expect: false
Customer.CountOfKind("complaint") == 0 || Customer.CountOnChannel("store") < 2
