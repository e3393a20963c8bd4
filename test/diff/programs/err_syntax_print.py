# Python 2 style print statement copied from an old tutorial.
import numpy as np

apple = 100
apple_num = 2
tax = 1.1


def price_of(cost, count, rate):
    return cost * count * rate


price = price_of(apple, apple_num, tax)
if price > 200:
    print("expensive")
print "price:", int(price)
print("never printed")
