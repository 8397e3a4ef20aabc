// expect: CRM0002
System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
return true;
