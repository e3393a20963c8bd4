# f-strings with format specs, conversions, nesting and the = specifier.
import numpy as np

x = 3.14159265
n = 1234567
name = 'W1'
print(f"{x:.3f} {x!r} {name!r} [{name:>8}] [{name:<8}] [{name:^8}] [{name:*^9}]")
print(f"{n:,} {n:_} {n:>12,} {-n:,} {1234.5:,.2f}")
w, p = 10, 4
print(f"[{x:{w}.{p}f}] [{x:<{w}.2f}] [{n:0{w}d}]")
print(f"{x=}", f"{n = }", f"{x=:.2f}", f"{name=}", f"{w * p=}")
print(f"{0.000123:e} {1e-5:.2e} {12345.678:g} {0.00001234:g} {0.5:%} {0.25:.1%}")
print(f"{42:05d} {42:x} {42:#x} {42:#b} {42:o} {-3:+d} {3:+d} {3: d}")
print(f"{'abc'!s:>5}| {'abc'!r:>7}| {7:<4}| {7.0:<6}| {True:>6}")
print(f"{{literal braces}} {x * 2:.1f} {'nested ' + name}")
print(f"{3.0} {1e16} {1e-5} {0.1 + 0.2} {2 ** 70} {-0.0}")
print(f"{1.5:.0f} {2.5:.0f} {0.125:.2f} {1e21:.3g} {123.456:10.1e}|")
v = np.float64(0.1) + np.float64(0.2)
print(f"{v} {v:.4f} {np.int64(7):3d} {np.float32(0.1)} {np.float64(2.5):>8}")
arr = np.array([1.5, 2.25, -3.0])
print(f"arr={arr} {arr!r} {arr.shape} {arr.dtype}")
print(f"{True} {None} {[1, 'a', 2.0]} {(1,)} {{'k': 1}}")
loss = 0.693147
epoch = 3
print(f"epoch {epoch:>3} | loss {loss:.4f} | acc {0.8765:.2%}")
items = {'apple': 100, 'orange': 150}
for k, v in items.items():
    print(f"{k:<8}{v:>6}{v * 1.1:>10.2f}")
print(f"{'multi'}"
      f"{'part'}", f'{"quotes"}', f"""{'triple'}""")
