// expect: CRM0001
return new Random().Next(2) == 1;
