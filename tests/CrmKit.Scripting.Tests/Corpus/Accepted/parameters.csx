// expect: true
return Customer.MonetaryTotal > Param<decimal>("threshold")
    && (string?)Params["campaign"] == "spring"
    && Customer.Integer("age") >= Params.Get<long>("minAge");
