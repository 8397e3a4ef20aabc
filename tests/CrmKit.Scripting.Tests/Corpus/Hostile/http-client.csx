// expect: CRM0001
var client = new System.Net.Http.HttpClient();
return client != null;
