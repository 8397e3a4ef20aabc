// expect: CRM0005
[System.Runtime.InteropServices.DllImport("libc")]
static extern int getpid();
return getpid() > 0;
