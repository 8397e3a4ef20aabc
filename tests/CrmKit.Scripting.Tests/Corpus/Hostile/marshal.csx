// expect: CRM0001
var p = System.Runtime.InteropServices.Marshal.AllocHGlobal(16);
return p != IntPtr.Zero;
