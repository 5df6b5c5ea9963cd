# canonical: exec('def f(): pass', d); del d -> 2
import gc
gc.disable()
gc.collect()
d = {}
exec('def f(): pass', d)
del d
print(gc.collect())
d = {}
exec('def f(): pass\ndef g(): pass', d)
del d
print('two functions', gc.collect())
d = {}
exec('x = 1', d)
del d
print('no function', gc.collect())
