// kind: care
// expect: service-due,complaint-follow-up
if (Customer.Date("last_service") is { } last && last.AddMonths(6) <= DateOnly.FromDateTime(Now.UtcDateTime))
    Care.Propose("service-due", channel: Customer.CanContact("sms") ? "sms" : "email");
if (Customer.CountOfKind("complaint") > 0)
    Care.Propose("complaint-follow-up", priority: CarePriority.Urgent);
if (Customer.Frequency > 10)
    Care.Propose("loyalty-gift");
