#!/usr/bin/env python3
"""Reference vectors for the spectral-analysis half of @ringflow/operators/signal: windows
(get_window, scipy.signal.windows.*, dpss), freqz/sosfreqz/group_delay, welch/csd/coherence/
periodogram/spectrogram/stft/istft, hilbert, detrend, rfftfreq/fftfreq, find_peaks/
peak_prominences/peak_widths. Computed with Debian's python3-scipy (SciPy 1.10).

Deterministic: random draws come from numpy.random.default_rng with fixed seeds, and inputs are
rounded to 4 decimals so that they are short in JSON and read back as exactly the same float64.
Outputs are written with repr() precision. Writes operators/test/fixtures/signal/*.json, each
kept small (asserted below 60 KB).

Every case holds `options` in ringflow's spelling (SciPy's keyword names camelCased); `call()`
turns them back into SciPy's keywords, so the test passes the very same object to ringflow.
Arrays are stored flat in C order with their `shape`; complex arrays as {"re": [...], "im": [...]}.
Multichannel inputs are {"data": [...], "shape": [frames, channels]} and are computed with axis=0.

Run from the repository root:   /usr/bin/python3 operators/scripts/fixtures_signal_spectral.py
"""
import hashlib
import json
import os
import re
import warnings

import numpy as np
import scipy
import scipy.signal as signal
import scipy.signal.windows as windows

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'signal')
LIMIT = 64_000


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def short(a):
    """Outputs: 15 significant digits (about 1e-15 relative, far below every tolerance), to keep
    the fixtures small."""
    return [float(f'{v:.15g}') for v in np.asarray(a, dtype=np.float64).ravel()]


def arr(a):
    """A result array: flat values plus shape; complex arrays as re/im."""
    a = np.asarray(a)
    if np.iscomplexobj(a):
        return {'re': short(a.real), 'im': short(a.imag), 'shape': list(a.shape)}
    return {'data': short(a), 'shape': list(a.shape)}


def rounded(rng, *shape, scale=1.0):
    return np.round(rng.standard_normal(shape) * scale, 4)


def inp(x):
    """An input as the JSON the test turns into ringflow's input."""
    x = np.asarray(x)
    if np.iscomplexobj(x):
        return {'re': inp(x.real), 'im': inp(x.imag)}
    if x.ndim == 2:
        return {'data': floats(x), 'shape': list(x.shape)}
    return floats(x)


def from_inp(v):
    if isinstance(v, dict) and 're' in v:
        return from_inp(v['re']) + 1j * from_inp(v['im'])
    if isinstance(v, dict):
        return np.asarray(v['data'], dtype=np.float64).reshape(v['shape'])
    return np.asarray(v, dtype=np.float64)


def snake(name):
    return re.sub(r'(?<=[a-z0-9])([A-Z])', lambda m: '_' + m.group(1).lower(), name)


def kwargs(options):
    out = {}
    for k, v in options.items():
        if k == 'window' and isinstance(v, list) and v and isinstance(v[0], str):
            v = tuple(v)
        elif k == 'window' and isinstance(v, list):
            v = np.asarray(v)
        out[snake(k)] = v
    return out


def write(name, payload):
    payload = {
        'generator': 'operators/scripts/fixtures_signal_spectral.py',
        'numpy': np.__version__,
        'scipy': scipy.__version__,
        **payload,
    }
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump(payload, f, separators=(',', ':'))
    size = os.path.getsize(path)
    assert size < LIMIT, f'{name} is {size} bytes'

    print(f'{name}: {size} bytes')


def write_parts(stem, signals, cases, splits):
    """Writes `cases` in several files (stem-1.json, ...) split before the given indices, each with
    the signals its cases use, to keep every file small."""
    bounds = [0, *splits, len(cases)]
    for part in range(len(bounds) - 1):
        chunk = cases[bounds[part]:bounds[part + 1]]
        used = {c['x'] for c in chunk}
        write(f'{stem}-{part + 1}.json', {'signals': {k: v for k, v in signals.store.items() if k in used}, 'cases': chunk})


def axis_for(x):
    return 0 if np.ndim(x) == 2 else -1


# ----------------------------------------------------------------------------------------------
# Windows

def windows_fixture():
    specs = ['barthann', 'bohman', 'parzen', 'lanczos', 'tukey', ['tukey', 0.25], ['tukey', 0.0],
             ['tukey', 1.0], ['gaussian', 3.5], ['general_gaussian', 1.5, 4.0],
             ['general_hamming', 0.6], ['chebwin', 60], ['chebwin', 100], 'exponential',
             ['exponential', None, 3.0], 'taylor', ['taylor', 5, 40, False], ['dpss', 2.5],
             ['dpss', 1.2], 7.5, ['general_cosine', [0.4, 0.5, 0.1]], 'han', ['ksr', 8.6], 'box',
             'halfcosine', 'tri']
    cases = []
    for n in [0, 1, 2, 3, 4, 7, 16]:
        for fftbins in [True, False]:
            for spec in specs:
                s = tuple(spec) if isinstance(spec, list) else spec
                try:
                    w = signal.get_window(s, n, fftbins=fftbins)
                except ValueError:
                    continue
                cases.append({'window': spec, 'n': n, 'fftbins': fftbins, 'w': short(w)})
    # The named functions: symmetric by default (sym=True), unlike get_window.
    named = []
    for n in [5, 16]:
        named += [
            {'fn': 'tukey', 'args': [n], 'options': {}, 'w': short(windows.tukey(n))},
            {'fn': 'tukey', 'args': [n], 'options': {'alpha': 0.3, 'sym': False}, 'w': short(windows.tukey(n, 0.3, sym=False))},
            {'fn': 'gaussian', 'args': [n, 2.0], 'options': {}, 'w': short(windows.gaussian(n, 2.0))},
            {'fn': 'generalGaussian', 'args': [n, 0.5, 3.0], 'options': {}, 'w': short(windows.general_gaussian(n, 0.5, 3.0))},
            {'fn': 'exponential', 'args': [n], 'options': {'tau': 2.0}, 'w': short(windows.exponential(n, tau=2.0))},
            {'fn': 'exponential', 'args': [n], 'options': {'center': 1, 'tau': 2.0, 'sym': False},
             'w': short(windows.exponential(n, center=1, tau=2.0, sym=False))},
            {'fn': 'taylor', 'args': [n], 'options': {'nbar': 3, 'sll': 25}, 'w': short(windows.taylor(n, nbar=3, sll=25))},
            {'fn': 'chebwin', 'args': [n, 80], 'options': {}, 'w': short(windows.chebwin(n, 80))},
            {'fn': 'hann', 'args': [n], 'options': {}, 'w': short(windows.hann(n))},
            {'fn': 'hann', 'args': [n], 'options': {'sym': False}, 'w': short(windows.hann(n, sym=False))},
            {'fn': 'kaiser', 'args': [n, 4.0], 'options': {}, 'w': short(windows.kaiser(n, 4.0))},
            {'fn': 'kaiserBesselDerived', 'args': [n + n % 2, 4.0], 'options': {},
             'w': short(windows.kaiser_bessel_derived(n + n % 2, 4.0))},
            {'fn': 'lanczos', 'args': [n], 'options': {}, 'w': short(windows.lanczos(n))},
            {'fn': 'generalHamming', 'args': [n, 0.7], 'options': {}, 'w': short(windows.general_hamming(n, 0.7))},
        ]
    write('windows.json', {'cases': cases, 'named': named})


def dpss_fixture():
    cases = []
    for M, NW, opts in [
        (16, 2.5, {}), (17, 2.5, {}), (64, 4.0, {}), (65, 1.5, {}), (256, 3.0, {}),
        (64, 3.0, {'sym': False}), (32, 2.0, {'Kmax': 4}), (33, 3.5, {'Kmax': 6}),
        (64, 2.5, {'Kmax': 3, 'norm': 'approximate'}), (64, 2.5, {'Kmax': 3, 'norm': 'subsample'}),
        (63, 2.5, {'norm': 'subsample'}), (48, 2.0, {'Kmax': 3, 'returnRatios': True}),
        (40, 3.0, {'returnRatios': True}), (2, 0.5, {}), (1, 0.2, {}), (0, 0.2, {}),
        (500, 4.0, {'Kmax': 2}),
    ]:
        kw = {snake(k) if k != 'Kmax' else 'Kmax': v for k, v in opts.items()}
        out = windows.dpss(M, NW, **kw)
        case = {'M': M, 'NW': NW, 'options': opts}
        if opts.get('returnRatios'):
            w, r = out
            case['windows'] = arr(w)
            case['ratios'] = floats(np.atleast_1d(r))
        else:
            case['windows'] = arr(out)
        cases.append(case)
    write('dpss.json', {'cases': cases})


# ----------------------------------------------------------------------------------------------
# Frequency responses

def freqz_fixture():
    rng = np.random.default_rng(11)
    b4, a4 = signal.butter(4, 0.3)
    bc, ac = signal.cheby1(5, 1, [0.2, 0.5], btype='bandpass')
    fir = signal.firwin(31, 0.25)
    long_fir = np.round(rng.standard_normal(150) * 0.1, 4)
    cases = []
    for b, a, worN, opts in [
        (b4, a4, None, {}), (b4, a4, 64, {'whole': True}), (b4, a4, 65, {'includeNyquist': True}),
        (bc, ac, 60, {'fs': 48000.0}), (fir, 1, 64, {}), (fir, 1, 37, {'whole': True}),
        (fir, [1.0], 16, {'includeNyquist': True, 'fs': 1000.0}), (long_fir, 1, 200, {}),
        (long_fir, 1, 201, {'whole': True}), (b4, a4, [0.0, 0.1, 0.25, 0.5, 1.0, 3.0], {}),
        (b4, a4, [0.0, 1000.0, 12000.0, 24000.0], {'fs': 48000.0}), ([1.0], [1.0, -0.9], 8, {}),
        (0.5, 1, 4, {}), (b4, a4, 0, {}), (b4, a4, 1, {}),
    ]:
        kw = kwargs(opts)
        w, h = signal.freqz(b, a, worN=512 if worN is None else worN, **kw)
        cases.append({'b': floats(np.atleast_1d(b)), 'a': floats(np.atleast_1d(a)), 'worN': worN,
                      'options': opts, 'w': short(w), 'h': arr(h)})
    sos_cases = []
    for sos, worN, opts in [
        (signal.butter(8, [0.1, 0.3], btype='bandpass', output='sos'), 100, {}),
        (signal.ellip(15, 0.5, 60, (0.2, 0.4), btype='bandpass', output='sos'), 150, {}),
        (signal.cheby2(6, 40, 2000, fs=16000, output='sos'), 64, {'fs': 16000.0, 'whole': True}),
        (signal.butter(2, 0.5, output='sos'), [0.0, 0.5, 1.0, 2.0], {}),
    ]:
        w, h = signal.sosfreqz(sos, worN=512 if worN is None else worN, **kwargs(opts))
        sos_cases.append({'sos': [floats(r) for r in sos], 'worN': worN, 'options': opts, 'w': short(w), 'h': arr(h)})
    gd_cases = []
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        for b, a, w_, opts in [
            (b4, a4, 100, {}), (bc, ac, 128, {'whole': True}), (fir, [1.0], 64, {}),
            (np.ones(5), [1.0], 16, {}), (b4, a4, [0.0, 0.5, 1.0], {}),
            (b4, a4, 32, {'fs': 48000.0}), ([1.0, -1.0], [1.0], 8, {}),  # zero of B at DC: singular
            ([0.0, 1.0], [1.0, -0.5], 16, {}),
        ]:
            w, gd = signal.group_delay((b, a), w=512 if w_ is None else w_, **kwargs(opts))
            gd_cases.append({'b': floats(b), 'a': floats(a), 'w': w_, 'options': opts, 'wOut': short(w), 'gd': short(gd)})
    # Two files of about half each: IIR (and the default grid), then FIR.
    iir = [c for c in cases if len(c['a']) > 1 or c['worN'] is None]
    write('freqz.json', {'cases': iir})
    write('freqz-fir.json', {'cases': [c for c in cases if c not in iir]})
    write('sosfreqz.json', {'cases': sos_cases})
    write('group-delay.json', {'cases': gd_cases})


# ----------------------------------------------------------------------------------------------
# Welch family

class Signals:
    """Inputs shared by the cases of one fixture file, stored once under a name."""

    def __init__(self):
        self.store = {}
        self.arrays = {}

    def __call__(self, x):
        x = np.asarray(x)
        name = f"{'x'.join(map(str, x.shape))}-{hashlib.sha1(x.tobytes() + str(x.dtype).encode()).hexdigest()[:8]}"
        if name not in self.store:
            self.store[name] = inp(x)
        return name


def spectral_cases(rng):
    x = rounded(rng, 300)
    xo = rounded(rng, 257)
    ramp = np.round(np.arange(200) * 0.05 + rng.standard_normal(200), 4)
    z = rounded(rng, 160) + 1j * rounded(rng, 160)
    mc = rounded(rng, 180, 3)
    spike = rounded(rng, 400)
    spike[200:205] *= 50
    return [
        ('default', x, {}),
        ('fs-nperseg', x, {'fs': 1000.0, 'nperseg': 64}),
        ('odd', xo, {'nperseg': 51, 'noverlap': 20}),
        ('noverlap-0', x, {'nperseg': 32, 'noverlap': 0}),
        ('noverlap-max', x, {'nperseg': 32, 'noverlap': 31}),
        ('nfft', x, {'nperseg': 40, 'nfft': 64}),
        ('nfft-odd', xo, {'nperseg': 30, 'nfft': 45}),
        ('nperseg-gt-len', xo[:50], {'nperseg': 64}),
        ('linear', ramp, {'nperseg': 50, 'detrend': 'linear'}),
        ('no-detrend', ramp, {'nperseg': 50, 'detrend': False}),
        ('twosided', x, {'nperseg': 48, 'returnOnesided': False}),
        ('spectrum', x, {'nperseg': 64, 'scaling': 'spectrum', 'window': 'flattop'}),
        ('median', spike, {'nperseg': 64, 'average': 'median'}),
        ('median-even', x, {'nperseg': 100, 'average': 'median'}),
        ('tuple-window', x, {'nperseg': 60, 'window': ['kaiser', 6.0]}),
        ('array-window', x, {'window': floats(signal.get_window('hamming', 40))}),
        ('complex', z, {'nperseg': 32}),
        ('complex-median', z, {'nperseg': 40, 'average': 'median'}),
        ('multichannel', mc, {'nperseg': 50}),
        ('multichannel-complex', rounded(rng, 100, 2) + 1j * rounded(rng, 100, 2), {'nperseg': 30, 'detrend': 'linear'}),
        ('one-segment', x[:64], {'nperseg': 64}),
        ('nperseg-1', x[:20], {'nperseg': 1, 'noverlap': 0}),
    ]


def welch_fixture():
    rng = np.random.default_rng(21)
    cases = []
    signals = Signals()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        for name, x, opts in spectral_cases(rng):
            f, p = signal.welch(x, axis=axis_for(x), **kwargs(opts))
            cases.append({'name': name, 'x': signals(x), 'options': opts, 'f': short(f), 'Pxx': arr(p)})
    write('welch.json', {'signals': signals.store, 'cases': cases})


def csd_fixture():
    rng = np.random.default_rng(22)
    x = rounded(rng, 300)
    y = np.round(np.convolve(x, [0.5, 0.3, -0.2], 'same') + 0.3 * rng.standard_normal(300), 4)
    mc = rounded(rng, 150, 2)
    zc = rounded(rng, 120) + 1j * rounded(rng, 120)
    cases = []
    signals = Signals()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        for name, a, b, opts in [
            ('default', x, y, {}),
            ('nperseg', x, y, {'nperseg': 64, 'fs': 8.0}),
            ('pad-shorter-x', x[:200], y, {'nperseg': 50}),
            ('pad-shorter-y', x, y[:170], {'nperseg': 50}),
            ('twosided', x, y, {'nperseg': 40, 'returnOnesided': False}),
            ('median', x, y, {'nperseg': 50, 'average': 'median'}),
            ('linear-spectrum', x, y, {'nperseg': 60, 'detrend': 'linear', 'scaling': 'spectrum'}),
            ('complex', zc, x[:120], {'nperseg': 30}),
            ('multichannel', mc, mc[::-1].copy(), {'nperseg': 32}),
        ]:
            f, p = signal.csd(a, b, axis=axis_for(b) if np.ndim(b) == 2 else axis_for(a), **kwargs(opts))
            cases.append({'name': name, 'x': signals(a), 'y': signals(b), 'options': opts, 'f': short(f), 'Pxy': arr(p)})
        coh = []
        for name, a, b, opts in [
            ('default', x, y, {}),
            ('nperseg', x, y, {'nperseg': 40, 'fs': 100.0, 'window': 'hamming'}),
            ('nfft', x, y, {'nperseg': 30, 'nfft': 64, 'detrend': False}),
            ('multichannel', mc, mc * 0.5 + rounded(rng, 150, 2), {'nperseg': 32}),
        ]:
            f, c = signal.coherence(a, b, axis=axis_for(a), **kwargs(opts))
            coh.append({'name': name, 'x': signals(a), 'y': signals(b), 'options': opts, 'f': short(f), 'Cxy': arr(c)})
    write('csd.json', {'signals': signals.store, 'csd': cases, 'coherence': coh})


def periodogram_fixture():
    rng = np.random.default_rng(23)
    x = rounded(rng, 100)
    xo = rounded(rng, 77)
    cases = []
    signals = Signals()
    for name, a, opts in [
        ('default', x, {}),
        ('odd', xo, {}),
        ('fs-hann', x, {'fs': 50.0, 'window': 'hann'}),
        ('spectrum', x, {'scaling': 'spectrum', 'window': 'flattop'}),
        ('twosided', x, {'returnOnesided': False}),
        ('nfft-longer', xo, {'nfft': 128}),
        ('nfft-shorter', x, {'nfft': 60}),
        ('nfft-equal', x, {'nfft': 100}),
        ('linear', np.round(np.arange(100) * 0.1 + x, 4), {'detrend': 'linear'}),
        ('no-detrend', x + 3, {'detrend': False}),
        ('array-window', xo, {'window': floats(signal.get_window('hann', 77))}),
        ('complex', rounded(rng, 64) + 1j * rounded(rng, 64), {}),
        ('multichannel', rounded(rng, 90, 3), {'window': 'hamming'}),
    ]:
        f, p = signal.periodogram(a, axis=axis_for(a), **kwargs(opts))
        cases.append({'name': name, 'x': signals(a), 'options': opts, 'f': short(f), 'Pxx': arr(p)})
    write('periodogram.json', {'signals': signals.store, 'cases': cases})


def spectrogram_fixture():
    rng = np.random.default_rng(24)
    x = rounded(rng, 400)
    cases = []
    signals = Signals()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        for name, a, opts in [
            ('default', x, {}),
            ('nperseg', x, {'fs': 100.0, 'nperseg': 64}),
            ('noverlap', x, {'nperseg': 50, 'noverlap': 25, 'window': 'hann'}),
            ('complex-mode', x, {'nperseg': 40, 'mode': 'complex'}),
            ('magnitude', x, {'nperseg': 40, 'mode': 'magnitude'}),
            ('angle', x, {'nperseg': 40, 'mode': 'angle'}),
            ('phase', x, {'nperseg': 40, 'mode': 'phase', 'nfft': 64}),
            ('spectrum-linear', x, {'nperseg': 64, 'scaling': 'spectrum', 'detrend': 'linear'}),
            ('twosided', x[:200], {'nperseg': 32, 'returnOnesided': False}),
            ('complex-input', rounded(rng, 150) + 1j * rounded(rng, 150), {'nperseg': 30}),
            ('short', x[:60], {'nperseg': 100}),
            ('multichannel', rounded(rng, 120, 2), {'nperseg': 32}),
            ('multichannel-complex-mode', rounded(rng, 100, 2), {'nperseg': 24, 'mode': 'complex'}),
        ]:
            f, t, s = signal.spectrogram(a, axis=axis_for(a), **kwargs(opts))
            cases.append({'name': name, 'x': signals(a), 'options': opts, 'f': short(f), 't': short(t), 'Sxx': arr(s)})
    write_parts('spectrogram', signals, cases, [7])


def stft_fixture():
    rng = np.random.default_rng(25)
    x = rounded(rng, 160)
    cases = []
    signals = Signals()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        for name, a, opts in [
            ('default', x, {}),
            ('nperseg', x, {'nperseg': 32}),
            ('odd', x[:101], {'nperseg': 21, 'noverlap': 7}),
            ('no-boundary', x, {'nperseg': 30, 'boundary': None}),
            ('no-pad', x, {'nperseg': 30, 'padded': False}),
            ('none-none', x, {'nperseg': 30, 'boundary': None, 'padded': False}),
            ('even-boundary', x, {'nperseg': 24, 'boundary': 'even'}),
            ('odd-boundary', x, {'nperseg': 24, 'boundary': 'odd'}),
            ('constant-boundary', x, {'nperseg': 24, 'boundary': 'constant', 'fs': 10.0}),
            ('psd-scaling', x, {'nperseg': 28, 'scaling': 'psd', 'fs': 200.0}),
            ('nfft', x, {'nperseg': 20, 'nfft': 32}),
            ('detrend', np.round(np.arange(160) * 0.02 + x, 4), {'nperseg': 30, 'detrend': 'linear'}),
            ('twosided', x[:90], {'nperseg': 16, 'returnOnesided': False}),
            ('complex', rounded(rng, 80) + 1j * rounded(rng, 80), {'nperseg': 16}),
            ('window', x, {'nperseg': 32, 'noverlap': 24, 'window': ['tukey', 0.5]}),
            ('multichannel', rounded(rng, 60, 2), {'nperseg': 16}),
        ]:
            f, t, Z = signal.stft(a, axis=axis_for(a), **kwargs(opts))
            case = {'name': name, 'x': signals(a), 'options': opts, 'f': short(f), 't': short(t), 'Zxx': arr(Z)}
            # istft of that stft with matching parameters (a 1-D signal only).
            if np.ndim(a) == 1:
                iopts = {k: v for k, v in opts.items() if k in ('fs', 'window', 'nperseg', 'noverlap', 'nfft', 'scaling')}
                if np.iscomplexobj(a) or opts.get('returnOnesided') is False:
                    iopts['inputOnesided'] = False
                if 'boundary' in opts and opts['boundary'] is None:
                    iopts['boundary'] = False
                if opts.get('detrend') is None:
                    tt, xr = signal.istft(Z, **kwargs(iopts))
                    case['istftOptions'] = iopts
                    case['istft'] = {'t': short(tt), 'x': arr(xr)}
            cases.append(case)
        # istft of random spectra (not the STFT of any signal): the weighted overlap-add itself.
        inv = []
        for name, shape, opts in [
            ('random', (33, 12), {}),
            ('random-odd-nperseg', (17, 10), {'nperseg': 33, 'noverlap': 20}),
            ('random-nfft', (40, 8), {'nperseg': 64, 'nfft': 78}),
            ('random-no-boundary', (9, 15), {'boundary': False, 'noverlap': 12}),
            ('random-twosided', (16, 9), {'inputOnesided': False}),
            ('random-psd', (21, 7), {'scaling': 'psd', 'fs': 50.0, 'window': 'hamming'}),
            ('random-freq-first', (6, 9), {'timeAxis': 0, 'freqAxis': 1}),
        ]:
            R = np.round(rng.standard_normal(shape) + 1j * rng.standard_normal(shape), 4)
            t, xr = signal.istft(R, **kwargs(opts))
            inv.append({'name': name, 'Zxx': {'re': floats(R.real), 'im': floats(R.imag), 'shape': list(R.shape)}, 'options': opts, 't': short(t), 'x': arr(xr)})
    write_parts('stft', signals, cases, [4, 8, 12])
    write('istft.json', {'cases': inv})


def misc_fixture():
    rng = np.random.default_rng(26)
    hil = []
    for name, x, opts in [
        ('even', rounded(rng, 64), {}),
        ('odd', rounded(rng, 51), {}),
        ('N-longer', rounded(rng, 40), {'N': 64}),
        ('N-shorter', rounded(rng, 40), {'N': 25}),
        ('one', rounded(rng, 1), {}),
        ('multichannel', rounded(rng, 30, 3), {}),
    ]:
        z = signal.hilbert(x, axis=axis_for(x), **kwargs(opts))
        hil.append({'name': name, 'x': inp(x), 'options': opts, 'z': arr(z)})
    det = []
    ramp = np.round(np.arange(50) * 0.3 + rng.standard_normal(50), 4)
    for name, x, opts in [
        ('linear', ramp, {}),
        ('constant', ramp, {'type': 'constant'}),
        ('c', ramp, {'type': 'c'}),
        ('bp', ramp, {'bp': [10, 30]}),
        ('bp-scalar', ramp, {'bp': 25}),
        ('bp-ends', ramp, {'bp': [0, 50, 20, 20]}),
        ('short', ramp[:2], {}),
        ('multichannel', rounded(rng, 40, 3), {'type': 'linear', 'bp': [13]}),
        ('multichannel-constant', rounded(rng, 40, 2), {'type': 'constant'}),
    ]:
        d = signal.detrend(x, axis=axis_for(x), **kwargs(opts))
        det.append({'name': name, 'x': inp(x), 'options': opts, 'y': arr(d)})
    freqs = []
    for n, d in [(1, 1.0), (2, 1.0), (7, 1.0), (8, 0.5), (9, 1 / 48000), (1024, 1 / 44100)]:
        freqs.append({'n': n, 'd': d, 'rfftfreq': floats(np.fft.rfftfreq(n, d)), 'fftfreq': floats(np.fft.fftfreq(n, d))})
    write('misc.json', {'hilbert': hil, 'detrend': det, 'freqs': freqs})


# ----------------------------------------------------------------------------------------------
# Peaks

def peaks_fixture():
    rng = np.random.default_rng(27)

    def props(p):
        return {k: floats(v) for k, v in p.items()}

    # From scipy/signal/tests/test_peak_finding.py (SciPy 1.10), plus random signals.
    plateau_sizes = np.array([1, 2, 3, 4, 8, 20, 111])
    px = np.zeros(plateau_sizes.size * 2 + 1)
    px[1::2] = plateau_sizes
    repeats = np.ones(px.size, dtype=int)
    repeats[1::2] = px[1::2]
    px = np.repeat(px, repeats)
    dist = np.zeros(21)
    dist[np.arange(1, 21, 3)] += np.linspace(1, 2, 7)
    prom = np.linspace(0, 10, 100)
    prom[np.arange(1, 99, 2)] += np.linspace(1, 10, 49)
    noisy = np.round(np.sin(np.linspace(0, 8 * np.pi, 250)) + 0.3 * rng.standard_normal(250), 3)
    ties = np.round(np.tile([0, 1, 0, 2, 0, 1, 0, 2, 0], 8) + 0.0, 4)
    openi = [None, None]
    find = []
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        for name, x, opts in [
            ('flat-maxima', [-1.3, 0, 1, 0, 2, 2, 0, 3, 3, 3, 2.99, 4, 4, 4, 4, -10, -5, -5, -5, -5, -5, -10], {'plateauSize': openi}),
            ('signal-edges-1', [1., 0, 2], {}),
            ('signal-edges-2', [3., 3, 0, 4, 4], {}),
            ('signal-edges-3', [5., 5, 5, 0, 6, 6, 6], {}),
            ('constant', [1.0] * 10, {'height': openi, 'threshold': openi, 'prominence': openi, 'width': openi}),
            ('empty', [], {'height': openi, 'prominence': openi, 'width': openi}),
            ('plateau-all', floats(px), {'plateauSize': openi}),
            ('plateau-4', floats(px), {'plateauSize': 4}),
            ('plateau-max', floats(px), {'plateauSize': [None, 3.5]}),
            ('plateau-range', floats(px), {'plateauSize': [5, 50]}),
            ('height-open', [0., 1 / 3, 0., 2.5, 0, 4., 0], {'height': openi}),
            ('height-min', [0., 1 / 3, 0., 2.5, 0, 4., 0], {'height': 0.5}),
            ('height-max', [0., 1 / 3, 0., 2.5, 0, 4., 0], {'height': [None, 3]}),
            ('height-range', [0., 1 / 3, 0., 2.5, 0, 4., 0], {'height': [2, 3]}),
            ('threshold-open', [0, 2, 1, 4, -1], {'threshold': openi}),
            ('threshold-2', [0, 2, 1, 4, -1], {'threshold': 2}),
            ('threshold-3.5', [0, 2, 1, 4, -1], {'threshold': 3.5}),
            ('threshold-max5', [0, 2, 1, 4, -1], {'threshold': [None, 5]}),
            ('threshold-max4', [0, 2, 1, 4, -1], {'threshold': [None, 4]}),
            ('threshold-2-4', [0, 2, 1, 4, -1], {'threshold': [2, 4]}),
            ('distance-3', floats(dist), {'distance': 3}),
            ('distance-3.0001', floats(dist), {'distance': 3.0001}),
            ('distance-priority', [-2, 1, -1, 0, -3], {'distance': 10}),
            ('distance-ties', floats(ties), {'distance': 3}),
            ('distance-ties-far', floats(ties), {'distance': 5, 'height': openi}),
            ('prominence', floats(prom), {'prominence': [3, 9]}),
            ('width', [1, 0, 1, 2, 1, 0, -1, 4, 0], {'width': [None, 2], 'relHeight': 0.75}),
            ('properties', [0, 1, 0, 2, 1.5, 0, 3, 0, 5, 9], {'height': openi, 'threshold': openi, 'prominence': openi, 'width': openi}),
            ('wlen-smaller-plateau', [0, 1, 1, 1, 0], {'prominence': openi, 'width': openi, 'wlen': 2}),
            ('noisy', floats(noisy), {'height': 0.2, 'distance': 7.5, 'prominence': 0.5, 'width': [2, None], 'wlen': 41}),
            ('noisy-all', floats(noisy), {'height': openi, 'threshold': [0.01, None], 'prominence': openi, 'width': openi,
                                          'relHeight': 0.9, 'plateauSize': openi}),
            ('noisy-distance', floats(noisy), {'distance': 20}),
            ('array-borders', floats(noisy), {'height': floats(np.round(np.linspace(-0.5, 0.5, 250), 3)),
                                              'prominence': [floats(np.round(np.linspace(0.2, 0.6, 250), 2)), floats(np.full(250, 2.0))]}),
        ]:
            kw = kwargs(opts)
            for k, v in kw.items():
                # SciPy reduces borders to the peaks only when they are ndarrays.
                if isinstance(v, list) and len(v) == len(x):
                    kw[k] = np.asarray(v)
                elif isinstance(v, list):
                    kw[k] = tuple(np.asarray(b) if isinstance(b, list) else b for b in v)
            peaks, p = signal.find_peaks(np.asarray(x, dtype=np.float64), **kw)
            find.append({'name': name, 'x': floats(x), 'options': opts, 'peaks': [int(v) for v in peaks], 'properties': props(p)})
        prominences = []
        for name, x, peaks, opts in [
            ('basic', [-1, 1.2, 1.2, 1, 3.2, 1.3, 2.88, 2.1], [1, 2, 4, 6], {}),
            ('same-height', [0, 2, 1, 2, 1, 2, 0], [1, 3, 5], {}),
            ('different-bases', [0, 1, 0, 1, 0, 1, 0], [1, 3, 5], {}),
            ('empty', [1, 2, 3], [], {}),
            ('wlen-8', [0, 1, 2, 3, 1, 0, -1], [3], {'wlen': 8}),
            ('wlen-5', [0, 1, 2, 3, 1, 0, -1], [3], {'wlen': 5}),
            ('wlen-3.2', [0, 1, 2, 3, 1, 0, -1], [3], {'wlen': 3.2}),
            ('wlen-1.1', [0, 1, 2, 3, 1, 0, -1], [3], {'wlen': 1.1}),
            ('zero-prominence', [1, 0, 2], [0, 1, 2], {}),
            ('noisy', floats(noisy), [int(v) for v in signal.find_peaks(noisy)[0][:40]], {'wlen': 30}),
        ]:
            p, lb, rb = signal.peak_prominences(np.asarray(x, dtype=np.float64), np.asarray(peaks, dtype=np.intp), **kwargs(opts))
            prominences.append({'name': name, 'x': floats(x), 'peaks': peaks, 'options': opts,
                                'prominences': floats(p), 'leftBases': [int(v) for v in lb], 'rightBases': [int(v) for v in rb]})
        widths = []
        for name, x, peaks, opts in [
            ('rel-0', [1, 0, 1, 2, 1, 0, -1], [3], {'relHeight': 0.0}),
            ('rel-0.25', [1, 0, 1, 2, 1, 0, -1], [3], {'relHeight': 0.25}),
            ('rel-0.75', [1, 0, 1, 2, 1, 0, -1], [3], {'relHeight': 0.75}),
            ('rel-1', [1, 0, 1, 2, 1, 0, -1], [3], {'relHeight': 1.0}),
            ('rel-3', [1, 0, 1, 2, 1, 0, -1], [3], {'relHeight': 3.0}),
            ('non-contiguous', [0, 100, 50], [1], {}),
            ('intersection-0', [0, 1, 2, 1, 3, 3, 3, 1, 2, 1, 0], [5], {'relHeight': 0.0}),
            ('intersection-2/3', [0, 1, 2, 1, 3, 3, 3, 1, 2, 1, 0], [5], {'relHeight': 2 / 3}),
            ('empty', [], [], {}),
            ('prominence-data', [0, 1, 1, 1, 0], [2], {'prominenceData': [[0.0], [2], [2]]}),
            ('noisy-wlen', floats(noisy), [int(v) for v in signal.find_peaks(noisy)[0][:40]], {'wlen': 25, 'relHeight': 0.8}),
        ]:
            kw = kwargs(opts)
            if 'prominence_data' in kw:
                d = kw['prominence_data']
                kw['prominence_data'] = (np.asarray(d[0], np.float64), np.asarray(d[1], np.intp), np.asarray(d[2], np.intp))
            w, h, li, ri = signal.peak_widths(np.asarray(x, dtype=np.float64), np.asarray(peaks, dtype=np.intp), **kw)
            widths.append({'name': name, 'x': floats(x), 'peaks': peaks, 'options': opts,
                           'widths': floats(w), 'widthHeights': floats(h), 'leftIps': floats(li), 'rightIps': floats(ri)})
    # numpy's default argsort (introsort), whose order of ties decides find_peaks' distance rule.
    argsort = []
    for n, levels in [(5, 2), (16, 3), (17, 3), (40, 4), (300, 5), (1000, 7), (64, 64)]:
        v = rng.integers(0, levels, n).astype(np.float64)
        argsort.append({'v': floats(v), 'order': [int(i) for i in np.argsort(v)]})
    write('peaks.json', {'findPeaks': find, 'peakProminences': prominences, 'peakWidths': widths, 'argsort': argsort})


def main():
    os.makedirs(OUT, exist_ok=True)
    windows_fixture()
    dpss_fixture()
    freqz_fixture()
    welch_fixture()
    csd_fixture()
    periodogram_fixture()
    spectrogram_fixture()
    stft_fixture()
    misc_fixture()
    peaks_fixture()


if __name__ == '__main__':
    main()
