#!/usr/bin/env python3
"""Writes SciPy reference vectors for the @ringflow/operators filter design helpers and kernels.

Run from the repository root with Debian's python3-scipy:

    /usr/bin/python3 operators/scripts/fixtures_filters.py

Deterministic (fixed seeds); writes operators/test/fixtures/filters/*.json. Floats are written by
the json module, which uses repr (shortest string that round-trips the float64).
"""
import json
import math
import os

import numpy as np
import scipy
import scipy.signal as sig

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'filters')
N_SIGNAL = 2000


def lst(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def sos_list(sos):
    return [lst(row) for row in np.atleast_2d(sos)]


def write(name, payload):
    payload = {'generator': 'operators/scripts/fixtures_filters.py',
               'scipy': scipy.__version__, 'numpy': np.__version__, **payload}
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump(payload, f, separators=(',', ':'))
    size = os.path.getsize(path)
    assert size < 300_000, (name, size)
    print(f'{name}: {size} bytes')


def signal_input():
    rng = np.random.default_rng(20240611)
    t = np.arange(N_SIGNAL)
    noise = rng.standard_normal(N_SIGNAL)
    chirp = np.sin(2 * np.pi * (0.001 * t + 0.4 * t * t / (2 * N_SIGNAL)))
    x = 0.5 * noise + chirp
    x[100] += 5.0  # an impulse
    return x


def windows():
    names = ['hann', 'hamming', 'blackman', 'blackmanharris', 'nuttall', 'flattop', 'bartlett',
             'triang', 'cosine', 'boxcar', ['kaiser', 0.5], ['kaiser', 5.0], ['kaiser', 8.6],
             ['kaiser', 14.0]]
    cases = []
    for name in names:
        spec = tuple(name) if isinstance(name, list) else name
        for n in [0, 1, 2, 3, 8, 9, 64, 65]:
            for periodic in [False, True]:
                w = sig.get_window(spec, n, fftbins=periodic)
                cases.append({'spec': name, 'n': n, 'periodic': periodic, 'window': lst(w)})
    write('windows.json', {'cases': cases})


def butter():
    cases = []

    def add(order, cutoff, btype, fs=None):
        kw = {} if fs is None else {'fs': fs}
        sos = sig.butter(order, cutoff, btype=btype, output='sos', **kw)
        cases.append({'order': order, 'cutoff': cutoff, 'type': btype, 'sampleRate': fs,
                      'sos': sos_list(sos)})

    for order in [1, 2, 3, 4, 5, 8, 9, 12]:
        for btype in ['lowpass', 'highpass']:
            add(order, 0.1, btype)
            add(order, 0.37, btype)
            add(order, 1000.0, btype, 48000.0)
            add(order, 15000.0, btype, 44100.0)
        for btype in ['bandpass', 'bandstop']:
            add(order, [0.1, 0.3], btype)
            add(order, [300.0, 3400.0], btype, 44100.0)
            if order <= 5:
                add(order, [0.02, 0.9], btype)
    add(6, 0.01, 'lowpass')
    add(6, 0.98, 'highpass')
    write('butter.json', {'cases': cases})


def cheby1():
    cases = []
    for q in [2, 3, 4, 5, 8, 10, 13]:
        sos = sig.cheby1(8, 0.05, 0.8 / q, output='sos')
        cases.append({'order': 8, 'ripple': 0.05, 'cutoff': 0.8 / q, 'type': 'lowpass',
                      'sampleRate': None, 'sos': sos_list(sos)})
    for order, rp, cutoff, btype, fs in [(3, 1.0, 0.25, 'lowpass', None), (4, 0.5, 2000.0, 'highpass', 16000.0),
                                         (5, 3.0, 0.6, 'highpass', None), (4, 1.0, [0.2, 0.4], 'bandpass', None),
                                         (3, 0.1, [0.2, 0.4], 'bandstop', None)]:
        kw = {} if fs is None else {'fs': fs}
        sos = sig.cheby1(order, rp, cutoff, btype=btype, output='sos', **kw)
        cases.append({'order': order, 'ripple': rp, 'cutoff': cutoff, 'type': btype,
                      'sampleRate': fs, 'sos': sos_list(sos)})
    write('cheby1.json', {'cases': cases})


def firwin():
    cases = []

    def add(numtaps, cutoff, window='hamming', pass_zero=True, scale=True, fs=None):
        kw = {} if fs is None else {'fs': fs}
        win = tuple(window) if isinstance(window, list) else window
        h = sig.firwin(numtaps, cutoff, window=win, pass_zero=pass_zero, scale=scale, **kw)
        cases.append({'numtaps': numtaps, 'cutoff': cutoff, 'window': window, 'passZero': pass_zero,
                      'scale': scale, 'sampleRate': fs, 'taps': lst(h)})

    for n in [1, 2, 11, 12, 51, 64]:
        add(n, 0.3)
    add(31, 0.2, window='hann')
    add(31, 0.2, window='blackman')
    add(31, 0.2, window='boxcar')
    add(41, 0.25, window=['kaiser', 8.6])
    add(41, 0.25, scale=False)
    add(41, 1000.0, fs=8000.0)
    add(41, 0.4, pass_zero=False)
    add(41, 0.4, pass_zero='highpass')
    add(41, [0.2, 0.5], pass_zero=False)
    add(41, [0.2, 0.5], pass_zero='bandpass')
    add(40, [0.2, 0.5], pass_zero='bandpass', window='hann')
    add(41, [0.2, 0.5])
    add(41, [0.2, 0.5], pass_zero='bandstop', scale=False)
    add(41, [0.1, 0.3, 0.6], pass_zero=True)
    add(41, [0.1, 0.3, 0.6], pass_zero=False)
    add(61, [500.0, 1500.0], pass_zero='bandpass', fs=8000.0, window=['kaiser', 5.0])
    for q in [2, 3, 4]:
        add(20 * q + 1, 1.0 / q)  # decimate's FIR design
    write('firwin.json', {'cases': cases})


def sosfilt(x):
    x32 = x.astype(np.float32)
    cases = []
    designs = [('butter4-low-0.2', sig.butter(4, 0.2, output='sos')),
               ('butter5-high-0.3', sig.butter(5, 0.3, btype='highpass', output='sos')),
               ('butter3-bandpass', sig.butter(3, [0.1, 0.25], btype='bandpass', output='sos')),
               ('butter8-bandstop', sig.butter(8, [0.3, 0.35], btype='bandstop', output='sos'))]
    for i, (name, sos) in enumerate(designs):
        case = {'name': name, 'sos': sos_list(sos), 'output': lst(sig.sosfilt(sos, x))}
        if i == 0:
            case['outputFloat32Input'] = lst(sig.sosfilt(sos, x32))
        cases.append(case)
    write('sosfilt.json', {'input': lst(x), 'cases': cases})


def fir(x):
    rng = np.random.default_rng(7)
    x32 = x.astype(np.float32)
    cases = []
    designs = [('firwin51-low', sig.firwin(51, 0.3)),
               ('firwin40-bandpass', sig.firwin(40, [0.2, 0.5], pass_zero=False)),
               ('random7', rng.standard_normal(7)),
               ('random200', rng.standard_normal(200) * 0.1)]
    for i, (name, taps) in enumerate(designs):
        case = {'name': name, 'taps': lst(taps), 'output': lst(sig.lfilter(taps, 1.0, x))}
        if i == 0:
            case['outputFloat32Input'] = lst(sig.lfilter(taps, 1.0, x32.astype(np.float64)))
        cases.append(case)
    write('fir.json', {'input': lst(x), 'cases': cases})


def resample(x):
    x = x[:1000]  # keeps the files small: the long (160/147) filters make many outputs per case
    x32 = x.astype(np.float32)

    def case(up, down, window=None, length=len(x)):
        if window is None:
            kw = {}
        elif isinstance(window, list) and not isinstance(window[0], str):
            kw = {'window': np.array(window)}
        else:
            kw = {'window': tuple(window) if isinstance(window, list) else window}
        return {'up': up, 'down': down, 'window': window, 'inputLength': length,
                'output': lst(sig.resample_poly(x[:length], up, down, **kw))}

    write('resample-integer.json', {'input': lst(x), 'cases': [
        case(1, 2), case(2, 1), case(5, 1), case(1, 7), case(1, 1), case(4, 6)]})
    write('resample-rational.json', {'input': lst(x), 'cases': [
        case(3, 2), case(2, 3), case(160, 147), case(147, 160)]})
    f32 = [{**case(u, d), 'output': lst(sig.resample_poly(x32, u, d)), 'float32': True} for u, d in [(3, 2), (1, 2)]]
    write('resample-windows.json', {'input': lst(x), 'cases': [
        case(3, 2, ['kaiser', 8.0]), case(2, 3, 'hamming'),
        # explicit taps as the window (scipy: h = window, half_len = (len - 1) // 2)
        case(2, 3, lst(sig.firwin(31, 0.4))),
        # a short input: the output is mostly the filter's tails
        case(3, 5, None, 37)] + f32})


def decimate(x):
    x32 = x.astype(np.float32)
    cases = []
    for q, ftype, n in [(2, 'iir', None), (3, 'iir', None), (5, 'iir', None), (8, 'iir', None),
                        (4, 'iir', 4), (2, 'fir', None), (3, 'fir', None), (4, 'fir', 30), (1, 'fir', None)]:
        if q == 1:
            continue
        y = sig.decimate(x, q, n=n, ftype=ftype, zero_phase=False)
        y32 = sig.decimate(x32, q, n=n, ftype=ftype, zero_phase=False)
        cases.append({'q': q, 'ftype': ftype, 'n': n, 'output': lst(y), 'outputFloat32': lst(y32)})
    write('decimate.json', {'input': lst(x), 'cases': cases})


def rbj(btype, f0, q, gain, fs):
    """RBJ Audio EQ Cookbook, written out independently of the TypeScript."""
    A = 10 ** (gain / 40)
    w0 = 2 * math.pi * f0 / fs
    cw, sw = math.cos(w0), math.sin(w0)
    alpha = sw / (2 * q)
    if btype == 'lowpass':
        b = [(1 - cw) / 2, 1 - cw, (1 - cw) / 2]; a = [1 + alpha, -2 * cw, 1 - alpha]
    elif btype == 'highpass':
        b = [(1 + cw) / 2, -(1 + cw), (1 + cw) / 2]; a = [1 + alpha, -2 * cw, 1 - alpha]
    elif btype == 'bandpass':
        b = [alpha, 0, -alpha]; a = [1 + alpha, -2 * cw, 1 - alpha]
    elif btype == 'notch':
        b = [1, -2 * cw, 1]; a = [1 + alpha, -2 * cw, 1 - alpha]
    elif btype == 'allpass':
        b = [1 - alpha, -2 * cw, 1 + alpha]; a = [1 + alpha, -2 * cw, 1 - alpha]
    elif btype == 'peaking':
        b = [1 + alpha * A, -2 * cw, 1 - alpha * A]; a = [1 + alpha / A, -2 * cw, 1 - alpha / A]
    elif btype == 'lowshelf':
        s = 2 * math.sqrt(A) * alpha
        b = [A * ((A + 1) - (A - 1) * cw + s), 2 * A * ((A - 1) - (A + 1) * cw), A * ((A + 1) - (A - 1) * cw - s)]
        a = [(A + 1) + (A - 1) * cw + s, -2 * ((A - 1) + (A + 1) * cw), (A + 1) + (A - 1) * cw - s]
    elif btype == 'highshelf':
        s = 2 * math.sqrt(A) * alpha
        b = [A * ((A + 1) + (A - 1) * cw + s), -2 * A * ((A - 1) + (A + 1) * cw), A * ((A + 1) + (A - 1) * cw - s)]
        a = [(A + 1) - (A - 1) * cw + s, 2 * ((A - 1) - (A + 1) * cw), (A + 1) - (A - 1) * cw - s]
    else:
        raise ValueError(btype)
    return [v / a[0] for v in b] + [1.0, a[1] / a[0], a[2] / a[0]]


def biquad():
    cases = []
    for btype in ['lowpass', 'highpass', 'bandpass', 'notch', 'allpass', 'peaking', 'lowshelf', 'highshelf']:
        for f0, q, gain, fs in [(1000.0, 0.7071067811865476, 6.0, 48000.0), (5000.0, 2.5, -9.0, 44100.0),
                                (60.0, 10.0, 3.0, 48000.0)]:
            row = rbj(btype, f0, q, gain, fs)
            # frequency response at a few frequencies, evaluated by scipy
            freqs = [0.0, f0 / 2, f0, min(2 * f0, fs / 2 * 0.99), fs / 2 * 0.999]
            _, h = sig.sosfreqz(np.array([row]), worN=freqs, fs=fs)
            cases.append({'type': btype, 'frequency': f0, 'q': q, 'gain': gain, 'sampleRate': fs,
                          'sos': row, 'freqs': freqs, 'magnitude': lst(np.abs(h))})
    # RBJ low/high-pass with Q = 1/sqrt(2) is the bilinear (prewarped) 2nd-order Butterworth
    butter_cases = []
    for btype, f0, fs in [('lowpass', 1000.0, 48000.0), ('highpass', 250.0, 8000.0), ('lowpass', 12000.0, 44100.0)]:
        b, a = sig.butter(2, f0, btype=btype, fs=fs)
        butter_cases.append({'type': btype, 'frequency': f0, 'sampleRate': fs, 'b': lst(b), 'a': lst(a)})
    write('biquad.json', {'cases': cases, 'butterworth': butter_cases})


def main():
    os.makedirs(OUT, exist_ok=True)
    x = signal_input()
    windows()
    butter()
    cheby1()
    firwin()
    sosfilt(x)
    fir(x)
    resample(x)
    decimate(x)
    biquad()


if __name__ == '__main__':
    main()
