// expect: true
Customer.CanContact("email") && !Customer.CanContact("sms") && !Customer.CanContact("messaging")
    && Customer.Contact("email") == "ana@example.com" && Customer.InHousehold && Customer.GroupId == "H-7"
