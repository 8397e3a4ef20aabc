// expect: runtime CRM1002
var chunks = new List<byte[]>();
while (true) chunks.Add(new byte[1024 * 1024]);
