import { describe, expect, it } from 'vitest';
import { filterResponsePlot } from '@ringflow/io';
import { decodePng, parseSvg } from './helpers/images.js';

/** A one-pole low-pass y[n] = (1 - a) x[n] + a y[n-1] evaluated at `w` (rad/sample). */
function onePole(a: number, w: Float64Array): { re: Float64Array; im: Float64Array } {
  const re = new Float64Array(w.length);
  const im = new Float64Array(w.length);
  w.forEach((wi, i) => {
    const dr = 1 - a * Math.cos(wi);
    const di = a * Math.sin(wi);
    const d = dr * dr + di * di;
    re[i] = ((1 - a) * dr) / d;
    im[i] = (-(1 - a) * di) / d;
  });
  return { re, im };
}

const blue = (p: [number, number, number]) => p[2] > 150 && p[0] < 80;

describe('filterResponsePlot', () => {
  it('draws the magnitude in dB at the right height, with a phase lane below', () => {
    const w = Float64Array.from({ length: 512 }, (_, i) => (i * Math.PI) / 512);
    const plot = filterResponsePlot(w, onePole(0.9, w), { frequencyUnit: 'rad/sample', range: [-30, 0] });
    expect(plot.height).toBe(560);
    const png = decodePng(plot.toPNG());
    const { x, y, width, height } = plot.area;
    // At DC the gain is 0 dB (top of the magnitude lane); near Nyquist 20 log10(0.1/1.9) = -25.6 dB.
    const column = (fx: number) => Math.round(x + width * fx);
    const rowAt = (cx: number) => {
      for (let r = Math.ceil(y) + 1; r < y + height; r++) if (blue(png.at(cx, r))) return r;
      return -1;
    };
    expect(Math.abs(rowAt(column(0.99)) - (y + height * (25.58 / 30)))).toBeLessThanOrEqual(2);
    const { texts } = parseSvg(plot.toSVG());
    expect(texts.filter((t) => t.cls === 'label').map((t) => t.text)).toEqual(['Magnitude (dB)', 'Frequency (\u00d7\u03c0 rad/sample)', 'Phase (\u00b0)']);
  });

  it('accepts sosfreqz-style output in Hz and a response already in dB', () => {
    const fs = 48000;
    const w = Float64Array.from({ length: 256 }, (_, i) => (i * fs) / 2 / 256);
    const db = Float64Array.from(w, (hz) => (hz < 1000 ? 0 : -60));
    const plot = filterResponsePlot(w, db, { frequencyScale: 'log', title: 'Brick wall' });
    expect(plot.height).toBe(400);
    const { texts } = parseSvg(plot.toSVG());
    expect(texts.filter((t) => t.cls === 'label').map((t) => t.text)).toEqual(['Frequency (Hz)', 'Magnitude (dB)']);
    expect(texts.map((t) => t.text)).toContain('1k');
    expect(() => filterResponsePlot(w, db, { phase: true })).toThrow(/phase needs a complex h/);
  });

  it('unwraps the phase across -180 degrees', () => {
    // A pure delay of 3 samples: phase -3w, down to -540 degrees at Nyquist.
    const w = Float64Array.from({ length: 200 }, (_, i) => (i * Math.PI) / 199);
    const h = { re: Float64Array.from(w, (v) => Math.cos(-3 * v)), im: Float64Array.from(w, (v) => Math.sin(-3 * v)) };
    const { texts } = parseSvg(filterResponsePlot(w, h, { frequencyUnit: 'rad/sample' }).toSVG());
    // Wrapped, the phase would stay within +-180; unwrapped its axis reaches -540.
    const phaseTicks = texts.filter((t) => t.cls === 'tick').map((t) => Number(t.text)).filter((v) => v < -200);
    expect(Math.min(...phaseTicks)).toBeLessThanOrEqual(-400);
  });

  it('rejects mismatched lengths and bad options', () => {
    const w = new Float64Array(4);
    expect(() => filterResponsePlot(w, { re: new Float64Array(4), im: new Float64Array(3) })).toThrow(/4 real and 3 imaginary parts for 4 frequencies/);
    expect(() => filterResponsePlot(w, new Float64Array(5))).toThrow(RangeError);
    expect(() => filterResponsePlot(w, new Float64Array(4), { frequencyUnit: 'kHz' as 'Hz' })).toThrow(TypeError);
  });
});
