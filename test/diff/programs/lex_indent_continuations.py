# Indentation with nested blocks, continuation lines, one-line compound statements.
class Empty: pass
class Marker: x = 1; y = 2

def classify(values, limit=3):   
    result = []
        
    for v in values:
        if v > 0:
            if v % 2 == 0:
                result.append(('even', v))
            else:
                n = v
                while n > limit:
                        n -= limit   # deeper indentation is fine as long as it is consistent
                result.append(('odd', n))
    # a comment at a strange indentation does not close the block
        elif v == 0: continue
        else:
            result.append(('neg', v))
  
    return result

weights = [
    0.1, 0.2,
        0.3,   # continuation lines inside brackets ignore indentation
]
total = 1 + \
        2 + \
    3
if (total > 3 and
        len(weights) == 3):
    print("total", total, "weights", weights)
params = {'lr': 0.01,
          'epochs': 3}
msg = ("implicit "
       'string ' "concatenation")
def affine(x,
           w=2,
           b=0): return x * w + b
if total: print("one-line if:", affine(1), affine(2,
                                                 3))
for k in params: print(k, params[k])
while False: pass
print(classify([4, 7, 0, -2, 9]), msg)
print(type(Empty()).__name__, Marker.x + Marker.y)
x = [[i * j
      for j in range(3)]
     for i in range(2)]; print(x)
assert len(x) == 2, \
    "two rows"
print("end")   
