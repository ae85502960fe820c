// Tolerances: t and x within 1e-12 of scipy.signal.istft (of SciPy's stft, and of random spectra),
// relative to the reference's peak.
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { expectComplex, expectReal, input, signalFixture, type ComplexJson, type Real } from '../helpers/signal-fixtures.js';
import { stftCases } from '../helpers/signal-cases.js';

const cases = stftCases();

describe('istft', () => {
  for (const c of cases.filter((k) => k.istft !== undefined)) {
    it(`inverts stft as scipy.signal.istft does when given ${c.name}`, () => {
      const { Zxx } = signal.stft(input(c.input), c.options);
      const { t, x } = signal.istft(Zxx, c.istftOptions);
      expectReal(t, c.istft!.t, 1e-12, `${c.name} t`);
      if ('re' in c.istft!.x) expectComplex(x as signal.Complex<Float64Array>, c.istft!.x, 1e-12, `${c.name} x`);
      else expectReal(x, c.istft!.x, 1e-12, `${c.name} x`);
    });
  }

  const inverse = signalFixture<{ cases: { name: string; Zxx: ComplexJson; options: signal.IstftOptions; t: number[]; x: Real | ComplexJson }[] }>('istft.json');
  for (const c of inverse.cases) {
    it(`matches scipy.signal.istft when given a random spectrum (${c.name})`, () => {
      const [rows, cols] = c.Zxx.shape as [number, number];
      const view = (d: number[]) => ({ data: Float64Array.from(d), shape: [rows, cols], stride: [cols, 1], offset: 0 });
      const { t, x } = signal.istft({ re: view(c.Zxx.re), im: view(c.Zxx.im) }, c.options);
      expectReal(t, c.t, 1e-12, `${c.name} t`);
      if ('re' in c.x) expectComplex(x as signal.Complex<Float64Array>, c.x, 1e-12, `${c.name} x`);
      else expectReal(x, c.x, 1e-12, `${c.name} x`);
    });
  }

  it('round-trips a [frames, channels] signal to [channels, samples], as SciPy with freqAxis 0', () => {
    const data = Float64Array.from({ length: 400 }, (_, i) => Math.sin(0.01 * i * i));
    const x = { data, shape: [200, 2] as [number, number], stride: [2, 1] as [number, number], offset: 0 };
    const { Zxx } = signal.stft(x, { nperseg: 32 });
    expect(Zxx.re.shape).toEqual([17, 2, 14]);
    const back = signal.istft(Zxx, { nperseg: 32, freqAxis: 0, timeAxis: 2 }).x as signal.NdArray;
    expect(back.shape).toEqual([2, 208]);
    for (let c = 0; c < 2; c++) for (let f = 0; f < 200; f++) expect(back.data[c * 208 + f]).toBeCloseTo(data[f * 2 + c]!, 12);
  });

  it('throws naming istft for bad input and options', () => {
    const z = { data: new Float64Array(12), shape: [3, 4], stride: [4, 1], offset: 0 };
    expect(() => signal.istft(new Float64Array(4) as unknown as signal.Complex<signal.NdArray>)).toThrow(/^istft: Zxx must be a complex/);
    expect(() => signal.istft({ re: z, im: { ...z, shape: [4, 3], stride: [3, 1] } })).toThrow(/^istft: Zxx.re has shape/);
    expect(() => signal.istft({ re: z, im: z }, { noverlap: 4 })).toThrow(/^istft: noverlap must be less than nperseg/);
    expect(() => signal.istft({ re: z, im: z }, { timeAxis: 0, freqAxis: 0 })).toThrow(/^istft: must specify differing/);
    expect(() => signal.istft({ re: z, im: z }, { window: new Float64Array(3) })).toThrow(/^istft: window array has length 3/);
    expect(() => signal.istft({ re: z, im: z }, { inputOnesided: false, nperseg: 5 })).toThrow(/^istft: the FFT length 3 .* is shorter than nperseg = 5/);
  });
});
