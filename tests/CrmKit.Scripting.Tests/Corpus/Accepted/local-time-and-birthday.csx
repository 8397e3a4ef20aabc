// expect: true
var local = Customer.LocalTime(Now);
var next = Customer.NextBirthday(Now);
return local.Offset == TimeSpan.Zero && next == new DateOnly(2025, 3, 14)
    && Customer.TimeZone == "Europe/Lisbon" && Customer.StageSince < Now;
