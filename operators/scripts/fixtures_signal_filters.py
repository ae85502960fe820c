#!/usr/bin/env python3
"""Writes SciPy reference vectors for the filter half of @ringflow/operators/signal (and the
streaming fir/sosfilt/lfilter operators' multichannel and zi paths).

Run from the repository root with Debian's python3-scipy (SciPy 1.10):

    /usr/bin/python3 operators/scripts/fixtures_signal_filters.py

Deterministic (fixed seeds); writes operators/test/fixtures/signal/*.json. Floats are written by
the json module (repr: the shortest string that round-trips the float64). Complex values are
[re, im] pairs; zeros and poles are written sorted (by real part, then imaginary part) so that
tests can compare them as sets. 2-D signals are [frames, channels] row-major lists, filtered
along axis 0 (the ringflow layout).
"""
import json
import os

import numpy as np
import scipy
import scipy.signal as sig
from scipy.signal._filter_design import _cplxreal

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'signal')


def lst(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def nested(a):
    return np.asarray(a, dtype=np.float64).tolist()


def cplx(values):
    v = np.atleast_1d(np.asarray(values, dtype=np.complex128))
    v = sorted(v, key=lambda c: (round(c.real, 9), round(c.imag, 9)))
    return [[float(c.real), float(c.imag)] for c in v]


def write(name, payload):
    payload = {'generator': 'operators/scripts/fixtures_signal_filters.py',
               'scipy': scipy.__version__, 'numpy': np.__version__, **payload}
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump(payload, f, separators=(',', ':'))
    size = os.path.getsize(path)
    assert size < 400_000, (name, size)
    print(f'{name}: {size} bytes')


def signal_1d(n=301, seed=1):
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    x = 0.5 * rng.standard_normal(n) + np.sin(2 * np.pi * (0.01 * t + 0.2 * t * t / (2 * n))) + 0.3
    x[n // 3] += 4.0
    return x


def signal_2d(frames=257, channels=3, seed=2):
    rng = np.random.default_rng(seed)
    t = np.arange(frames)[:, None]
    x = rng.standard_normal((frames, channels)) * 0.4 + np.sin(2 * np.pi * 0.02 * t * (1 + np.arange(channels)))
    return x


def design():
    cases = []

    def add(family, args, N, Wn, **kw):
        fn = getattr(sig, family)
        entry = {'family': family, 'args': args, 'N': N, 'Wn': Wn, 'options': kw}
        entry['sos'] = nested(fn(N, *args, Wn, output='sos', **kw))
        z, p, k = fn(N, *args, Wn, output='zpk', **kw)
        entry['zpk'] = {'z': cplx(z), 'p': cplx(p), 'k': float(k)}
        if N <= 8 or kw.get('btype', 'lowpass') in ('lowpass', 'highpass') and N <= 10:
            b, a = fn(N, *args, Wn, output='ba', **kw)
            entry['ba'] = {'b': lst(b), 'a': lst(a)}
        cases.append(entry)

    for family, args in [('butter', []), ('cheby1', [0.5]), ('cheby1', [3.0]), ('cheby2', [40.0]),
                         ('cheby2', [80.0]), ('ellip', [0.1, 40.0]), ('ellip', [1.0, 80.0])]:
        for N in [1, 2, 3, 4, 7]:
            add(family, args, N, 0.3)
            add(family, args, N, 0.15, btype='highpass')
            add(family, args, N, [0.2, 0.45], btype='bandpass')
            add(family, args, N, [0.1, 0.35], btype='bandstop')
        add(family, args, 5, 1000.0, btype='lowpass', fs=44100.0)
        add(family, args, 4, [300.0, 3400.0], btype='bandstop', fs=16000.0)
        add(family, args, 4, [2.0, 5.0], btype='bandpass', analog=True)
        add(family, args, 3, 10.0, btype='highpass', analog=True)
    # high orders (SciPy's tests: butter of high order stays accurate as SOS)
    add('butter', [], 20, 0.2)
    add('butter', [], 20, [0.3, 0.5], btype='bandstop')
    add('butter', [], 10, 0.01, btype='highpass')
    add('ellip', [0.5, 60.0], 12, 0.4)
    add('cheby2', [60.0], 15, [0.1, 0.2], btype='bandpass')
    for norm in ['phase', 'delay', 'mag']:
        for N in [1, 2, 3, 4, 5, 8, 12, 20, 30]:
            add('bessel', [], N, 0.2, norm=norm)
        add('bessel', [], 4, [0.2, 0.4], btype='bandpass', norm=norm)
        add('bessel', [], 5, 0.3, btype='highpass', norm=norm)
        add('bessel', [], 6, 100.0, analog=True, norm=norm)
    add('bessel', [], 24, 100.0, analog=True)
    add('bessel', [], 50, 0.1)
    iir = []
    for ftype, extra in [('butter', {}), ('cheby1', {'rp': 1.0}), ('cheby2', {'rs': 50.0}),
                         ('ellip', {'rp': 0.5, 'rs': 50.0}), ('bessel', {})]:
        sos = sig.iirfilter(4, [0.2, 0.4], ftype=ftype, output='sos', **extra)
        iir.append({'ftype': ftype, 'options': extra, 'N': 4, 'Wn': [0.2, 0.4], 'sos': nested(sos)})
    notch = []
    for w0, Q, fs in [(0.1, 30.0, None), (0.5, 5.0, None), (50.0, 30.0, 1000.0), (1000.0, 2.0, 48000.0)]:
        kw = {} if fs is None else {'fs': fs}
        for name in ['iirnotch', 'iirpeak']:
            b, a = getattr(sig, name)(w0, Q, **kw)
            notch.append({'fn': name, 'w0': w0, 'Q': Q, 'fs': fs, 'b': lst(b), 'a': lst(a)})
    write('design.json', {'cases': cases, 'iirfilter': iir, 'notch': notch})


def orders():
    cases = []
    specs = [(0.2, 0.3, 3, 40, {}), (0.3, 0.2, 1, 60, {}), ([0.2, 0.5], [0.1, 0.6], 3, 40, {}),
             ([0.1, 0.6], [0.2, 0.5], 3, 40, {}), (1000, 1500, 1, 40, {'fs': 8000}),
             ([300, 3400], [200, 4000], 2, 50, {'fs': 16000}), (1.0, 2.0, 3, 30, {'analog': True}),
             ([1.0, 4.0], [1.5, 3.0], 1, 40, {'analog': True}), (0.05, 0.1, 0.5, 80, {})]
    for fn in ['buttord', 'cheb1ord', 'cheb2ord', 'ellipord']:
        for wp, ws, gpass, gstop, kw in specs:
            o, wn = getattr(sig, fn)(wp, ws, gpass, gstop, **kw)
            cases.append({'fn': fn, 'wp': wp, 'ws': ws, 'gpass': gpass, 'gstop': gstop, 'options': kw,
                          'ord': int(o), 'wn': lst(np.atleast_1d(wn)), 'scalar': bool(np.ndim(wn) == 0)})
    write('order.json', {'cases': cases})


def fir_design():
    cases = []

    def add(numtaps, cutoff, **kw):
        win = kw.get('window')
        if isinstance(win, list):
            kw = {**kw, 'window': tuple(win)}
        h = sig.firwin(numtaps, cutoff, **kw)
        opts = {k: (list(v) if isinstance(v, tuple) else v) for k, v in kw.items()}
        cases.append({'numtaps': numtaps, 'cutoff': cutoff, 'options': opts, 'taps': lst(h)})

    add(31, 0.3)
    add(32, 0.3)
    add(61, 0.3, width=0.1)
    add(61, [0.2, 0.4], pass_zero=False, width=0.05)
    add(101, 1000.0, fs=8000.0, window='hann')
    add(63, [0.1, 0.3, 0.6], pass_zero='bandstop')
    add(63, 0.25, pass_zero='highpass', window='blackman')
    add(41, [0.2, 0.5], pass_zero='bandpass', scale=False)
    add(51, 0.2, window=['kaiser', 8.0])
    kaiser = []
    for ripple, width in [(65, 0.048), (40, 0.1), (-90, 0.02), (8.5, 0.3), (21, 0.2), (50, 0.05)]:
        numtaps, beta = sig.kaiserord(ripple, width)
        kaiser.append({'ripple': ripple, 'width': width, 'numtaps': int(numtaps), 'beta': float(beta)})
    beta = [{'a': a, 'beta': float(sig.kaiser_beta(a))} for a in [10, 21, 21.5, 30, 50, 50.5, 100]]
    atten = [{'numtaps': n, 'width': w, 'atten': float(sig.kaiser_atten(n, w))} for n, w in [(211, 0.0375), (11, 0.5), (1, 0.1)]]
    write('firwin.json', {'cases': cases, 'kaiserord': kaiser, 'kaiserBeta': beta, 'kaiserAtten': atten})


def conversions():
    deg = np.pi / 180
    thetas = [22.5, 45, 77.5]
    mags = [0.8, 0.6, 0.9]
    zj = np.array([np.exp(t * deg * 1j) for t in thetas])
    pj = np.array([m * np.exp(t * deg * 1j) for t, m in zip(thetas, mags)])
    z2 = np.array([np.exp(t * deg * 1j) for t in (85., 10.)])
    zpk_cases = [
        ([-1, -1], [0.57149 + 0.29360j, 0.57149 - 0.29360j], 1),
        ([1j, -1j], [0.9, -0.9, 0.7j, -0.7j], 1),
        ([], [0.8, -0.5 + 0.25j, -0.5 - 0.25j], 1.),
        ([1., 1., 0.9j, -0.9j], [0.99 + 0.01j, 0.99 - 0.01j, 0.1 + 0.9j, 0.1 - 0.9j], 1),
        ([0.9 + 0.1j, 0.9 - 0.1j, -0.9], [0.75 + 0.25j, 0.75 - 0.25j, 0.9], 1),
        ([-0.3090 + 0.9511j, -0.3090 - 0.9511j, 0.8090 + 0.5878j, 0.8090 - 0.5878j, -1.0 + 0.0j],
         [-0.3026 + 0.9312j, -0.3026 - 0.9312j, 0.7922 + 0.5755j, 0.7922 - 0.5755j, -0.9791 + 0.0j], 1),
        ([-1 - 1.4142j, -1 + 1.4142j, -0.625 - 1.0533j, -0.625 + 1.0533j],
         [-0.2 - 0.6782j, -0.2 + 0.6782j, -0.1 - 0.5385j, -0.1 + 0.5385j], 4),
        ([], [0.2, -0.5 + 0.25j, -0.5 - 0.25j], 1.),
        (list(np.concatenate((zj, np.conj(zj)))), list(np.concatenate((pj, np.conj(pj)))), 1.),
        (list(np.concatenate((z2, np.conj(z2), [1, -1]))), list(np.concatenate((pj, np.conj(pj)))), 1.),
        ([], [], 2.5),
        ([-1], [0.5], 0.25),
        ([-1, -1, -1], [0.5, 0.2 + 0.3j, 0.2 - 0.3j], 0.1),
    ]
    zpk2sos = []
    for z, p, k in zpk_cases:
        entry = {'z': [[float(np.real(v)), float(np.imag(v))] for v in z],
                 'p': [[float(np.real(v)), float(np.imag(v))] for v in p], 'k': k}
        for pairing in ['nearest', 'keep_odd', 'minimal']:
            try:
                entry[pairing] = nested(sig.zpk2sos(z, p, k, pairing=pairing))
            except ValueError as e:
                entry[pairing] = str(e)
        b, a = sig.zpk2tf(z, p, k)
        entry['tf'] = {'b': lst(np.real(b)), 'a': lst(np.real(a))}
        zpk2sos.append(entry)
    analog = []
    for z, p, k in [([], [-1 + 1j, -1 - 1j, -2], 3.0), ([1j, -1j], [-0.5 + 2j, -0.5 - 2j, -1, -3], 1.5)]:
        analog.append({'z': [[float(np.real(v)), float(np.imag(v))] for v in z],
                       'p': [[float(np.real(v)), float(np.imag(v))] for v in p], 'k': k,
                       'sos': nested(sig.zpk2sos(z, p, k, analog=True))})
    tf = []
    for b, a in [([1, 2, 1], [1, -0.5, 0.25]), ([0.5, 0.5], [1, -0.2]), ([0, 0, 1, 2], [2, 3, 1]),
                 ([1e-16, 1, 2], [1, 0.4, 0.2]), ([1, 3, 3, 1], [1, -1.2, 0.8, -0.2]),
                 (lst(sig.butter(6, 0.3)[0]), lst(sig.butter(6, 0.3)[1]))]:
        z, p, k = sig.tf2zpk(b, a)
        entry = {'b': b, 'a': a, 'z': cplx(z), 'p': cplx(p), 'k': float(k)}
        try:
            entry['sos'] = nested(sig.tf2sos(b, a))
        except ValueError as e:
            entry['sos'] = str(e)
        tf.append(entry)
    sos_cases = []
    for sos in [sig.butter(4, 0.2, output='sos'), sig.ellip(5, 1, 40, [0.2, 0.3], 'bandpass', output='sos'),
                sig.cheby2(3, 30, 0.4, 'highpass', output='sos')]:
        b, a = sig.sos2tf(sos)
        z, p, k = sig.sos2zpk(sos)
        sos_cases.append({'sos': nested(sos), 'b': lst(b), 'a': lst(a), 'z': cplx(z), 'p': cplx(p), 'k': float(k)})
    write('conversions.json', {'zpk2sos': zpk2sos, 'analog': analog, 'tf': tf, 'sos': sos_cases})


def filtering():
    x = signal_1d(201)
    x2 = signal_2d(100, 2)
    odd = signal_1d(77, seed=3)
    filters = [
        ('fir3', [0.25, 0.5, 0.25], [1.0]),
        ('fir-long', lst(sig.firwin(31, 0.2)), [1.0]),
        ('onepole', [0.2], [1.0, -0.8]),
        ('a0-not-1', [0.4, 0.2], [2.0, -0.6]),
        ('b-longer', [1, -1, 0.5, 0.25], [1.0, 0.3]),
        ('a-longer', [0.3], [1.0, -0.5, 0.2, -0.05]),
        ('butter4', *[lst(v) for v in sig.butter(4, 0.15)]),
        ('cheby1-bp', *[lst(v) for v in sig.cheby1(3, 1, [0.2, 0.4], 'bandpass')]),
        ('gain', [3.0], [2.0]),
    ]
    lf = []
    for name, b, a in filters:
        zi = sig.lfilter_zi(b, a) if max(len(a), len(b)) > 1 else np.array([])
        entry = {'name': name, 'b': b, 'a': a, 'zi': lst(zi)}
        entry['y'] = lst(sig.lfilter(b, a, x))
        entry['yOdd'] = lst(sig.lfilter(b, a, odd))
        if zi.size:
            y, zf = sig.lfilter(b, a, x, zi=zi * x[0])
            entry['yStep'] = lst(y)
            entry['zfStep'] = lst(zf)
        y2 = sig.lfilter(b, a, x2, axis=0)
        entry['y2'] = nested(y2)
        if zi.size:
            zi2 = zi[:, None] * x2[0][None, :]
            y2z, zf2 = sig.lfilter(b, a, x2, axis=0, zi=zi2)
            entry['zi2'] = nested(zi2)
            entry['y2Step'] = nested(y2z)
            entry['zf2Step'] = nested(zf2)
        entry['yFloat32'] = lst(sig.lfilter(np.asarray(b), np.asarray(a), x.astype(np.float32).astype(np.float64)))
        lf.append(entry)
    sf = []
    for name, sos in [('butter6', sig.butter(6, 0.1, output='sos')),
                      ('ellip-bs', sig.ellip(4, 0.5, 60, [0.2, 0.4], 'bandstop', output='sos')),
                      ('cheby2-hp', sig.cheby2(5, 50, 0.3, 'highpass', output='sos')),
                      ('butter20', sig.butter(20, 0.25, output='sos'))]:
        zi = sig.sosfilt_zi(sos)
        y, zf = sig.sosfilt(sos, x, zi=zi * x[0])
        zi2 = zi[:, :, None] * x2[0][None, None, :]
        y2, zf2 = sig.sosfilt(sos, x2, axis=0, zi=zi2)
        sf.append({'name': name, 'sos': nested(sos), 'zi': nested(zi), 'y': lst(sig.sosfilt(sos, x)),
                   'yStep': lst(y), 'zfStep': nested(zf), 'y2': nested(sig.sosfilt(sos, x2, axis=0)),
                   'zi2': nested(zi2), 'y2Step': nested(y2), 'zf2Step': nested(zf2)})
    write('filtering.json', {'x': lst(x), 'xOdd': lst(odd), 'x2': nested(x2), 'lfilter': lf, 'sosfilt': sf})


def zero_phase():
    x = signal_1d(201, seed=4)
    x2 = signal_2d(100, 2, seed=5)
    short = signal_1d(40, seed=6)
    ff = []
    for name, b, a in [('butter3', *[lst(v) for v in sig.butter(3, 0.1)]),
                       ('fir', lst(sig.firwin(21, 0.3)), [1.0]),
                       ('notch', *[lst(v) for v in sig.iirnotch(0.2, 5)]),
                       ('cheby1-hp', *[lst(v) for v in sig.cheby1(4, 0.5, 0.4, 'highpass')])]:
        ntaps = max(len(a), len(b))
        entry = {'name': name, 'b': b, 'a': a, 'ntaps': ntaps, 'runs': []}
        for padtype, padlen in [('odd', None), ('even', None), ('constant', None), (None, None),
                                ('odd', 0), ('odd', 7), ('even', len(short) - 1)]:
            xx = short if padlen == len(short) - 1 else x
            entry['runs'].append({'padtype': padtype, 'padlen': padlen, 'signal': 'short' if xx is short else 'x',
                                  'y': lst(sig.filtfilt(b, a, xx, padtype=padtype, padlen=padlen))})
        entry['gust'] = lst(sig.filtfilt(b, a, x, method='gust'))
        entry['gustIrlen'] = lst(sig.filtfilt(b, a, x, method='gust', irlen=40))
        entry['y2'] = nested(sig.filtfilt(b, a, x2, axis=0))
        ff.append(entry)
    sff = []
    for name, sos in [('butter4', sig.butter(4, 0.1, output='sos')),
                      ('ellip-bp', sig.ellip(3, 0.5, 40, [0.2, 0.35], 'bandpass', output='sos')),
                      ('odd-order', sig.butter(5, 0.3, 'highpass', output='sos')),
                      ('butter12', sig.butter(12, 0.2, output='sos'))]:
        n = sos.shape[0]
        ntaps = 2 * n + 1 - min((sos[:, 2] == 0).sum(), (sos[:, 5] == 0).sum())
        entry = {'name': name, 'sos': nested(sos), 'ntaps': int(ntaps), 'runs': []}
        for padtype, padlen in [('odd', None), ('even', None), ('constant', None), (None, None), ('odd', 5), ('even', len(x) - 1)]:
            entry['runs'].append({'padtype': padtype, 'padlen': padlen,
                                  'y': lst(sig.sosfiltfilt(sos, x, padtype=padtype, padlen=padlen))})
        entry['y2'] = nested(sig.sosfiltfilt(sos, x2, axis=0))
        sff.append(entry)
    write('zero-phase.json', {'x': lst(x), 'short': lst(short), 'x2': nested(x2), 'filtfilt': ff, 'sosfiltfilt': sff})


def convolution():
    rng = np.random.default_rng(7)
    pairs = [(rng.standard_normal(50), rng.standard_normal(7)), (rng.standard_normal(33), rng.standard_normal(64)),
             (rng.standard_normal(1), rng.standard_normal(5)), (rng.standard_normal(120), rng.standard_normal(120)),
             (rng.standard_normal(400), rng.standard_normal(129)), (rng.standard_normal(8), rng.standard_normal(1))]
    cases = []
    for a, b in pairs:
        entry = {'in1': lst(a), 'in2': lst(b)}
        for mode in ['full', 'same', 'valid']:
            entry[mode] = lst(sig.convolve(a, b, mode=mode, method='direct'))
            entry['fft-' + mode] = lst(sig.fftconvolve(a, b, mode=mode))
            entry['oa-' + mode] = lst(sig.oaconvolve(a, b, mode=mode))
        cases.append(entry)
    x2 = signal_2d(100, 2, seed=8)
    h = sig.firwin(25, 0.3)
    two_d = {'in1': nested(x2), 'in2': lst(h)}
    for mode in ['full', 'same', 'valid']:
        two_d[mode] = nested(sig.fftconvolve(x2, h[:, None], mode=mode, axes=0))
    write('convolution.json', {'cases': cases, 'twoD': two_d})


def resampling():
    x = signal_1d(200, seed=9)
    x2 = signal_2d(90, 2, seed=10)
    cases = []
    for up, down, kw in [(3, 2, {}), (2, 3, {}), (1, 4, {}), (5, 1, {}), (160, 147, {}),
                         (3, 2, {'window': ['kaiser', 8.0]}), (2, 1, {'window': 'hamming'}),
                         (3, 4, {'window': lst(sig.firwin(31, 0.25))})]:
        kwp = {k: (tuple(v) if isinstance(v, list) and k == 'window' and isinstance(v[0], str) else
                   (np.array(v) if k == 'window' and isinstance(v, list) else v)) for k, v in kw.items()}
        cases.append({'up': up, 'down': down, 'options': kw, 'y': lst(sig.resample_poly(x, up, down, **kwp))})
    for padtype in ['mean', 'median', 'minimum', 'maximum', 'edge', 'symmetric', 'reflect', 'wrap', 'smooth',
                    'line', 'antisymmetric', 'antireflect']:
        cases.append({'up': 3, 'down': 5, 'options': {'padtype': padtype},
                      'y': lst(sig.resample_poly(x, 3, 5, padtype=padtype))})
    cases.append({'up': 4, 'down': 3, 'options': {'padtype': 'constant', 'cval': 1.5},
                  'y': lst(sig.resample_poly(x, 4, 3, padtype='constant', cval=1.5))})
    two_d = {'x2': nested(x2), 'y2': nested(sig.resample_poly(x2, 2, 3, axis=0))}
    dec = []
    xd = signal_1d(400, seed=11)
    for q, kw in [(2, {}), (3, {}), (5, {'n': 4}), (4, {'ftype': 'fir'}), (3, {'ftype': 'fir', 'n': 30}),
                  (4, {'zero_phase': False}), (3, {'ftype': 'fir', 'zero_phase': False})]:
        dec.append({'q': q, 'options': {('zeroPhase' if k == 'zero_phase' else k): v for k, v in kw.items()},
                    'y': lst(sig.decimate(xd, q, **kw))})
    dec2 = {'x2': nested(x2), 'y2': nested(sig.decimate(x2, 3, axis=0))}
    write('resampling.json', {'x': lst(x), 'resamplePoly': cases, 'twoD': two_d, 'decimateX': lst(xd),
                              'decimate': dec, 'decimate2D': dec2})


if __name__ == '__main__':
    design()
    orders()
    fir_design()
    conversions()
    filtering()
    zero_phase()
    convolution()
    resampling()
