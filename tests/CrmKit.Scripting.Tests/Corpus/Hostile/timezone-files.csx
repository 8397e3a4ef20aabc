// expect: CRM0001
return TimeZoneInfo.Local.Id.Length > 0;
