# coding: utf-8
# 한국어 주석: 곱셈 계층의 순전파와 역전파
# 日本語のコメント：乗算レイヤの順伝播と逆伝播
import numpy as np


class MulLayer:  # 곱셈 계층
    def __init__(self):
        self.x = None  # 입력 x
        self.y = None  # 入力 y

    def forward(self, x, y):
        """순전파 (順伝播): x * y"""
        self.x, self.y = x, y
        return x * y

    def backward(self, dout):
        # 상류에서 넘어온 미분에 서로 바꾼 입력을 곱한다
        return dout * self.y, dout * self.x  # 逆伝播


사과 = 100  # identifiers may be Korean too
りんご = 2
layer = MulLayer()
가격 = layer.forward(사과, りんご)
print("가격:", 가격)
print("逆伝播:", layer.backward(1))
print("문자열 길이:", len("역전파"), len("逆伝播"), len("backprop"))
print("순전파 출력: %s" % np.array([0.5, 1.0]))
print(f"{'계층':>6}|{'層':<4}|")
print("한글".upper(), "ｶﾀｶﾅ", repr("탭\t줄"), "日本"[::-1])
print(MulLayer.forward.__doc__)
print(ord("가"), chr(0xAC01), "\uC0AC\uACFC")
# 마지막 줄에는 줄바꿈이 없다 (the file ends without a newline)
print("끝")