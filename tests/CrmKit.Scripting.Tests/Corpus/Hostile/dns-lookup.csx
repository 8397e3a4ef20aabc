// expect: CRM0001
return System.Net.Dns.GetHostName().Length > 0;
