// expect: CRM0007
again:
goto again;
