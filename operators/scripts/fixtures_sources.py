#!/usr/bin/env python3
"""Reference values for the source operators (chirp), from scipy.signal.

Run from the repository root with Debian's python3-scipy:
    /usr/bin/python3 operators/scripts/fixtures_sources.py
Writes operators/test/fixtures/sources/chirp.json.
"""
import json
import os

import numpy as np
import scipy
from scipy.signal import chirp

OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'sources', 'chirp.json')

FS = 1000.0
N = 200  # 0.2 s: past t1 = 0.15 s, so the sweep law is also checked beyond t1
T = np.arange(N) / FS

CASES = [
    dict(method='linear', f0=10.0, f1=200.0, t1=0.15, phi=0.0, vertex_zero=True),
    dict(method='linear', f0=200.0, f1=5.0, t1=0.15, phi=30.0, vertex_zero=True),
    dict(method='quadratic', f0=10.0, f1=200.0, t1=0.15, phi=0.0, vertex_zero=True),
    dict(method='quadratic', f0=10.0, f1=200.0, t1=0.15, phi=0.0, vertex_zero=False),
    dict(method='logarithmic', f0=10.0, f1=200.0, t1=0.15, phi=0.0, vertex_zero=True),
    dict(method='logarithmic', f0=300.0, f1=20.0, t1=0.15, phi=-45.0, vertex_zero=True),
    dict(method='hyperbolic', f0=10.0, f1=200.0, t1=0.15, phi=0.0, vertex_zero=True),
    dict(method='hyperbolic', f0=300.0, f1=20.0, t1=0.15, phi=90.0, vertex_zero=True),
]


def main():
    cases = []
    for c in CASES:
        y = chirp(T, f0=c['f0'], t1=c['t1'], f1=c['f1'], method=c['method'], phi=c['phi'],
                  vertex_zero=c['vertex_zero'])
        cases.append({**c, 'values': [float(v) for v in y]})
    data = {
        'generator': 'operators/scripts/fixtures_sources.py',
        'scipy': scipy.__version__,
        'numpy': np.__version__,
        'note': 'scipy.signal.chirp(t, f0, t1, f1, method, phi (degrees), vertex_zero) at t = n / fs',
        'fs': FS,
        'n': N,
        'cases': cases,
    }
    with open(OUT, 'w') as f:
        json.dump(data, f, separators=(',', ':'))
        f.write('\n')


if __name__ == '__main__':
    main()
