// expect: CRM0008
bool Ping(int n) => Pong(n + 1);
bool Pong(int n) => Ping(n + 1);
return Ping(0);
