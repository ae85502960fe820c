# The SciPy script that notebook 03 ports line by line (and reference numbers for notebook 02).
# Run with Debian's python3-scipy: /usr/bin/python3 examples/notebooks/data/scipy_port.py
# It prints its results and writes scipy-reference.json next to this file, which the notebooks read.
import json
import os

import numpy as np
import scipy
from scipy import signal

# --- notebook 03: the script ---------------------------------------------------------------
fs = 1000                                                    # Hz
t = np.arange(4 * fs) / fs                                   # 4 s
x = np.sin(2 * np.pi * 50 * t) + 0.5 * np.sin(2 * np.pi * 120 * t) + 0.2 * np.sin(2 * np.pi * 300 * t)
sos = signal.butter(6, 150, btype='lowpass', fs=fs, output='sos')
y = signal.sosfilt(sos, x)
f, Pxx = signal.welch(y, fs=fs, nperseg=256)
peaks, props = signal.find_peaks(Pxx, height=1e-3)
print('peaks at', f[peaks], 'Hz, heights', props['peak_heights'])

# --- notebook 02: a Butterworth low-pass and its response -----------------------------------
bsos = signal.butter(4, 1000, btype='lowpass', fs=48000, output='sos')
w, h = signal.sosfreqz(bsos, worN=512, fs=48000)

ref = {
    'scipy': scipy.__version__,
    'port': {
        'sos': sos.tolist(),
        'y': y.tolist(),
        'f': f.tolist(),
        'Pxx': Pxx.tolist(),
        'peaks': peaks.tolist(),
        'peakHeights': props['peak_heights'].tolist(),
    },
    'butter': {
        'sos': bsos.tolist(),
        'w': w.tolist(),
        'hRe': h.real.tolist(),
        'hIm': h.imag.tolist(),
    },
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'scipy-reference.json'), 'w') as out:
    json.dump(ref, out)
