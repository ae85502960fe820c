#!/usr/bin/env python3
"""Writes SciPy reference vectors for the @ringflow/operators operator wrappers (scenarios the
kernel fixtures do not cover, e.g. live parameter changes).

Run from the repository root with Debian's python3-scipy:

    /usr/bin/python3 operators/scripts/fixtures_operators.py

Deterministic (fixed seed); writes operators/test/fixtures/operators/*.json.
"""
import json
import os

import numpy as np
import scipy
import scipy.signal as sig

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'operators')


def lst(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def sos_list(sos):
    return [lst(row) for row in np.atleast_2d(sos)]


def write(name, payload):
    payload = {'generator': 'operators/scripts/fixtures_operators.py',
               'scipy': scipy.__version__, 'numpy': np.__version__, **payload}
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump(payload, f, separators=(',', ':'))
    print(f'{name}: {os.path.getsize(path)} bytes')


def sosfilt_switch():
    # A live coefficient change at sample `at` (a chunk boundary): SciPy's equivalent is to carry
    # the final state zf of the first part into the second part as zi (same section count), or to
    # start from zero state (different section count).
    rng = np.random.default_rng(20240503)
    x = rng.uniform(-1, 1, 2000)
    at = 1000
    sos1 = sig.butter(4, 0.1, output='sos')
    sos2 = sig.butter(4, 0.3, btype='highpass', output='sos')
    sos3 = sig.butter(6, 0.2, output='sos')
    y1, zf = sig.sosfilt(sos1, x[:at], zi=np.zeros((sos1.shape[0], 2)))
    y2, _ = sig.sosfilt(sos2, x[at:], zi=zf)
    y3 = sig.sosfilt(sos3, x[at:])
    write('sosfilt-switch.json', {
        'input': lst(x),
        'at': at,
        'sos1': sos_list(sos1),
        'sos2': sos_list(sos2),
        'sos3': sos_list(sos3),
        'sameShape': lst(np.concatenate([y1, y2])),
        'otherShape': lst(np.concatenate([y1, y3])),
    })


if __name__ == '__main__':
    sosfilt_switch()
