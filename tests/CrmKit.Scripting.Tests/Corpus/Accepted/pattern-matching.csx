// expect: true
return Customer.Integer("age") is >= 40 and < 50
    && Customer.Grade is "A" or "B"
    && Customer.Stage is "mature"
    && Customer.Birthday is { Month: 3 };
