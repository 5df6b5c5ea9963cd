# resurrection keeps everything reachable from the resurrected object
import gc
gc.disable()
gc.collect()
saved = []
class R:
    def __del__(self):
        saved.append(self)
class Plain:
    pass
r = R()
p = Plain()
q = Plain()
r.p = p; p.q = q; q.r = r
q.data = [1, 2, 3]
del r, p, q
print(gc.collect())
obj = saved[0]
print(obj.p.q.r is obj, obj.p.q.data)
saved.clear(); del obj
print(gc.collect())
