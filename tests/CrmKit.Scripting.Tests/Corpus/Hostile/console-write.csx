// expect: CRM0001
Console.WriteLine("hello");
return true;
