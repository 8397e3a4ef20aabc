// expect: CRM0008
int Depth(int n) => Depth(n + 1);
return Depth(0) > 0;
