// 24 Concat doublings make 2 * 2^24 elements without a lambda or a loop; Contains walks them all.
// Every element asked of a lazy sequence counts against the time budget.
// expect: runtime CRM1001
var a = new List<int> { 1, 2 };
var b = a.Concat(a); var c = b.Concat(b); var d = c.Concat(c); var e = d.Concat(d);
var f = e.Concat(e); var g = f.Concat(f); var h = g.Concat(g); var i = h.Concat(h);
var j = i.Concat(i); var k = j.Concat(j); var l = k.Concat(k); var m = l.Concat(l);
var n = m.Concat(m); var o = n.Concat(n); var p = o.Concat(o); var q = p.Concat(p);
var r = q.Concat(q); var s = r.Concat(r); var t = s.Concat(s); var u = t.Concat(t);
var v = u.Concat(u); var w = v.Concat(v); var x = w.Concat(w); var y = x.Concat(x);
return y.Contains(-1);
