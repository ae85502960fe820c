#!/usr/bin/env python3
"""Writes SciPy reference vectors for the multichannel ([frames, channels]) operators.

Run from the repository root with Debian's python3-scipy:

    /usr/bin/python3 operators/scripts/fixtures_multichannel.py

Deterministic (fixed seed); writes operators/test/fixtures/multichannel/*.json. Each signal is a
[frames, channels] float64 array (C order, i.e. interleaved frames) and each result is SciPy's
function applied along axis=0 (per channel), also stored interleaved.
"""
import json
import os

import numpy as np
import scipy
import scipy.signal as sig

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'multichannel')


def lst(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def write(name, payload):
    payload = {'scipy': scipy.__version__, **payload}
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump(payload, f)
        f.write('\n')


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20240601)
    frames, channels = 1500, 3
    t = np.arange(frames)[:, None]
    # Channels that differ: noise, a low sine, and a sine with noise (so a channel mix-up shows).
    x = np.hstack([rng.standard_normal((frames, 1)), np.sin(0.01 * t), np.sin(0.3 * t) + 0.1 * rng.standard_normal((frames, 1))])
    assert x.shape == (frames, channels)

    resample = []
    for up, down in [(3, 2), (1, 4), (160, 147), (2, 1)]:
        y = sig.resample_poly(x, up, down, axis=0)
        resample.append({'up': up, 'down': down, 'frames': int(y.shape[0]), 'output': lst(y)})
    write('resample-poly.json', {'channels': channels, 'frames': frames, 'input': lst(x), 'cases': resample})

    decimate = []
    for q, ftype, n in [(4, 'iir', None), (3, 'fir', None), (2, 'iir', 6)]:
        y = sig.decimate(x, q, n=n, ftype=ftype, zero_phase=False, axis=0)
        decimate.append({'q': q, 'ftype': ftype, 'n': n, 'frames': int(y.shape[0]), 'output': lst(y)})
    write('decimate.json', {'channels': channels, 'frames': frames, 'input': lst(x), 'cases': decimate})


if __name__ == '__main__':
    main()
