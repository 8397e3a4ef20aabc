// kind: care
// expect: birthday
if (Customer.NextBirthday(Now) is { } day && day.DayNumber - DateOnly.FromDateTime(Now.UtcDateTime).DayNumber <= 7)
    Care.Propose("birthday", due: Now.AddDays(3), channel: "email", priority: CarePriority.High, note: $"Wish {Customer.Name} a happy birthday");
