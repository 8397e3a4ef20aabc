// expect: true
var count = 0;
foreach (var tag in Customer.Tags)
{
    if (tag.Length > 3) count++;
}
for (var i = 0; i < 3; i++) count += i;
var k = 0;
while (k < 2) k++;
return count + k == 7;
