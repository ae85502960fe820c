#!/usr/bin/env python3
"""Reference vectors for the spectral kernels of @ringflow/operators (fft, stft, istft,
magnitude, decibels), computed with numpy / scipy.signal.

Deterministic: every random draw comes from numpy.random.default_rng with a fixed seed.
Writes operators/test/fixtures/spectral/*.json (each < 300 KB). Floats are written with
repr() precision (json.dumps), so they round-trip exactly to float64.

Run from the repository root:   /usr/bin/python3 operators/scripts/fixtures_spectral.py
Complex arrays are stored interleaved: [re0, im0, re1, im1, ...].
"""
import json
import os
import warnings

import numpy as np
import scipy
import scipy.signal as signal

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'spectral')


def interleave(z):
    z = np.asarray(z, dtype=np.complex128).ravel()
    out = np.empty(2 * z.size)
    out[0::2] = z.real
    out[1::2] = z.imag
    return [float(v) for v in out]


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def write(name, payload):
    payload = {
        'generator': 'operators/scripts/fixtures_spectral.py',
        'numpy': np.__version__,
        'scipy': scipy.__version__,
        **payload,
    }
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump(payload, f, separators=(',', ':'))
    size = os.path.getsize(path)
    assert size < 300_000, f'{name} is {size} bytes'
    print(f'{name}: {size} bytes')


def rfft_cases(sizes, seed):
    rng = np.random.default_rng(seed)
    cases = []
    for n in sizes:
        x = rng.standard_normal(n)
        cases.append({'n': n, 'x': floats(x), 'X': interleave(np.fft.rfft(x))})
    return cases


def main():
    # istft with boundary=False warns "NOLA condition failed" when the window is 0 at its first
    # sample (periodic hann): the first output sample is then not covered. Expected here.
    warnings.filterwarnings('ignore', message='NOLA condition failed')
    os.makedirs(OUT, exist_ok=True)

    # rfft: powers of two, other even lengths, odd lengths, primes.
    write('rfft-small.json', {'cases': rfft_cases(
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 17, 31, 32, 64, 96, 100, 127, 128, 255, 256], 1)})
    write('rfft-1000.json', {'cases': rfft_cases([1000, 1001], 2)})
    write('rfft-1024.json', {'cases': rfft_cases([1024], 3)})
    write('rfft-4096.json', {'cases': rfft_cases([4096], 4)})

    # irfft of arbitrary (non-Hermitian-consistent) one-sided spectra: numpy ignores the
    # imaginary parts of bin 0 and of the Nyquist bin.
    rng = np.random.default_rng(5)
    cases = []
    for n in [1, 2, 3, 8, 9, 15, 16, 100, 101, 256]:
        bins = n // 2 + 1
        X = rng.standard_normal(bins) + 1j * rng.standard_normal(bins)
        cases.append({'n': n, 'X': interleave(X), 'x': floats(np.fft.irfft(X, n))})
    write('irfft.json', {'cases': cases})

    # Complex fft / ifft.
    rng = np.random.default_rng(6)
    cases = []
    for n in [1, 2, 3, 8, 12, 16, 100, 128, 243]:
        z = rng.standard_normal(n) + 1j * rng.standard_normal(n)
        cases.append({'n': n, 'z': interleave(z), 'fft': interleave(np.fft.fft(z)),
                      'ifft': interleave(np.fft.ifft(z))})
    write('fft-complex.json', {'cases': cases})

    # STFT / ISTFT with boundary=None, padded=False (frames start at 0, hop apart, no padding).
    rng = np.random.default_rng(7)
    x = rng.standard_normal(640)
    kaiser = signal.get_window(('kaiser', 6.0), 100)
    stft_cases = [
        {'name': 'hann-256-128', 'window': 'hann', 'size': 256, 'hop': 128, 'nfft': 256},
        {'name': 'hann-256-64', 'window': 'hann', 'size': 256, 'hop': 64, 'nfft': 256},
        {'name': 'hamming-200-50-nfft256', 'window': 'hamming', 'size': 200, 'hop': 50, 'nfft': 256},
        {'name': 'kaiser-array-100-30', 'window': floats(kaiser), 'size': 100, 'hop': 30, 'nfft': 100},
        {'name': 'hann-63-21-odd', 'window': 'hann', 'size': 63, 'hop': 21, 'nfft': 63},
    ]
    for c in stft_cases:
        w = np.asarray(c['window']) if isinstance(c['window'], list) else c['window']
        kw = dict(fs=1.0, window=w, nperseg=c['size'], noverlap=c['size'] - c['hop'], nfft=c['nfft'])
        _, _, Z = signal.stft(x, boundary=None, padded=False, detrend=False, return_onesided=True,
                              scaling='spectrum', **kw)
        frames = Z.shape[1]
        # istft of the STFT itself, and of a random spectrum (not the STFT of any signal), so the
        # weighted overlap-add and its normalisation are exercised, not only reconstruction.
        _, xr = signal.istft(Z, boundary=False, input_onesided=True, scaling='spectrum', **kw)
        R = rng.standard_normal(Z.shape) + 1j * rng.standard_normal(Z.shape)
        _, yr = signal.istft(R, boundary=False, input_onesided=True, scaling='spectrum', **kw)
        write(f"stft-{c['name']}.json", {
            **c,
            'x': floats(x),
            'frames': frames,
            'windowSum': float(np.sum(w if isinstance(w, np.ndarray) else signal.get_window(w, c['size']))),
            # Z[:, f] for each frame f, interleaved, scaling='spectrum' (divided by sum(window)).
            'stftSpectrum': [interleave(Z[:, f]) for f in range(frames)],
            'istftOfStft': floats(xr),
            'random': [interleave(R[:, f]) for f in range(frames)],
            'istftOfRandom': floats(yr),
        })

    # magnitude / decibels.
    rng = np.random.default_rng(8)
    z = rng.standard_normal(300) * np.exp(rng.uniform(-14, 3, 300)) \
        + 1j * rng.standard_normal(300) * np.exp(rng.uniform(-14, 3, 300))
    z[:4] = [0, 1e-300, -3.5, 2j]
    a = np.abs(z)

    def amplitude_to_db(s, ref=1.0, amin=1e-5, top_db=None):
        # librosa.amplitude_to_db(S, ref, amin, top_db) == power_to_db(S**2, ref**2, amin**2, top_db)
        db = 10 * np.log10(np.maximum(amin ** 2, s ** 2)) - 10 * np.log10(np.maximum(amin ** 2, ref ** 2))
        if top_db is not None:
            db = np.maximum(db, db.max() - top_db)
        return db

    def power_to_db(s, ref=1.0, amin=1e-10, top_db=None):
        db = 10 * np.log10(np.maximum(amin, s)) - 10 * np.log10(np.maximum(amin, ref))
        if top_db is not None:
            db = np.maximum(db, db.max() - top_db)
        return db

    p = a ** 2
    write('magnitude.json', {
        'z': interleave(z),
        'magnitude': floats(a),
        'power': floats(p),
        'db': floats(amplitude_to_db(a)),
        'dbRef': floats(amplitude_to_db(a, ref=0.5, amin=1e-3)),
        'dbRefMax': floats(amplitude_to_db(a, ref=float(np.max(a)))),
        'dbTop': floats(amplitude_to_db(a, top_db=60.0)),
        'powerDb': floats(power_to_db(p)),
        'powerDbRefMaxTop': floats(power_to_db(p, ref=float(np.max(p)), top_db=80.0)),
        # Signed amplitudes: the sign is dropped (|x|).
        'signed': floats(np.real(z[:50])),
        'signedDb': floats(amplitude_to_db(np.abs(np.real(z[:50])))),
    })


if __name__ == '__main__':
    main()
