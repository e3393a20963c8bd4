# import sys, os / sys.path.append(os.pardir) / os.path helpers, printing only what is
# the same wherever the repository is checked out.
import sys, os
sys.path.append(os.pardir)  # 親ディレクトリのファイルをインポートするための設定
import numpy as np
from common.functions import sigmoid

print(os.pardir, os.curdir, os.sep, sys.path[-1] == os.pardir)
here = os.path.dirname(os.path.abspath(__file__))
print(os.path.basename(here), os.path.basename(__file__), __name__)
print(os.path.isabs(here), os.path.abspath(__file__) == os.path.join(here, os.path.basename(__file__)))
print(os.path.join('dataset', 'mnist.pkl'), os.path.join(os.pardir, 'common', 'functions.py'))
print(os.path.join('a', 'b/', 'c'), os.path.join('a', '/abs', 'c'), os.path.join('only'))
functions_py = os.path.join(here, 'common', 'functions.py')
print(os.path.exists(functions_py), os.path.isfile(functions_py), os.path.isdir(functions_py))
print(os.path.isdir(os.path.join(here, 'mylib')), os.path.exists(os.path.join(here, 'no_such.pkl')))
print(os.path.basename('/tmp/x/params.pkl'), os.path.dirname('/tmp/x/params.pkl'), os.path.splitext('net.pkl'))
print(os.path.split('ch05/two_layer_net.py'), os.path.basename(os.path.dirname(functions_py)))
print(os.path.dirname(os.path.join(here, 'x.py')) == here, os.path.normpath('a/./b/../c'))
parent = os.path.dirname(here)
print(os.path.basename(parent), os.path.join(os.path.dirname(__file__), '..') != here)
sys.path.append(os.path.join(os.path.dirname(__file__), '..'))
print(sigmoid(np.array([0.0])), type(sys.path).__name__, 'numpy' in sys.modules)
print(os.path.basename(sys.argv[0]), len(sys.argv))
save_file = os.path.join(here, 'dataset', 'mnist.pkl')
if not os.path.exists(save_file):
    print("no cached dataset at", os.path.relpath(save_file, here))
