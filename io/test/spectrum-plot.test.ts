import { describe, expect, it } from 'vitest';
import { spectrumPlot } from '@ringflow/io';
import { decodePng, parseSvg } from './helpers/images.js';

const f = Float64Array.from({ length: 513 }, (_, k) => (k * 48000) / 1024);
const peakAt = (hz: number, level: number) => Float64Array.from(f, (v) => (Math.abs(v - hz) < 30 ? level : -80));

/** The x of the column with the highest inked pixel of colour channel test `isSeries` inside the plot. */
function peakColumn(png: ReturnType<typeof decodePng>, area: { x: number; y: number; width: number; height: number }, isSeries: (p: [number, number, number]) => boolean): { x: number; y: number } {
  for (let y = Math.ceil(area.y) + 1; y < area.y + area.height; y++) {
    for (let x = Math.ceil(area.x) + 1; x < area.x + area.width - 1; x++) if (isSeries(png.at(x, y))) return { x, y };
  }
  return { x: -1, y: -1 };
}

const blue = (p: [number, number, number]) => p[2] > 150 && p[0] < 80; // #1f77b4
const orange = (p: [number, number, number]) => p[0] > 200 && p[2] < 60 && p[1] > 100; // #ff7f0e

describe('spectrumPlot', () => {
  it('draws a peak at its frequency and level, on linear and log axes', () => {
    for (const frequencyScale of ['linear', 'log'] as const) {
      const plot = spectrumPlot(f, peakAt(6000, -20), { frequencyScale, range: [-100, 0] });
      const png = decodePng(plot.toPNG());
      const { x, y } = peakColumn(png, plot.area, blue);
      const a = plot.area;
      const fx = frequencyScale === 'linear' ? 6000 / 24000 : (Math.log10(6000) - Math.log10(f[1]!)) / (Math.log10(24000) - Math.log10(f[1]!));
      expect(Math.abs(x - (a.x + a.width * fx))).toBeLessThanOrEqual(3);
      expect(Math.abs(y - (a.y + a.height * (20 / 100)))).toBeLessThanOrEqual(2);
    }
  });

  it('converts powers with 10 log10 and amplitudes with 20 log10', () => {
    const top = (scale: 'power' | 'amplitude') => {
      const values = Float64Array.from(f, (v) => (Math.abs(v - 6000) < 30 ? 0.01 : 1e-12));
      const plot = spectrumPlot(f, values, { scale, range: [-100, 0] });
      const png = decodePng(plot.toPNG());
      return (peakColumn(png, plot.area, blue).y - plot.area.y) / plot.area.height;
    };
    expect(top('power')).toBeCloseTo(0.2, 1); // -20 dB
    expect(top('amplitude')).toBeCloseTo(0.4, 1); // -40 dB
  });

  it('draws several series with a legend, and markers', () => {
    const plot = spectrumPlot(f, [peakAt(3000, -10), peakAt(9000, -30)], { labels: ['left', 'right'], markers: [{ frequency: 3000, label: '3 kHz' }] });
    const png = decodePng(plot.toPNG());
    expect(peakColumn(png, { ...plot.area, y: plot.area.y + 40 }, orange).x).toBeGreaterThan(0);
    const { texts } = parseSvg(plot.toSVG());
    expect(texts.filter((t) => t.cls === 'legend').map((t) => t.text)).toEqual(['3 kHz', 'left', 'right']);
    expect(texts.filter((t) => t.cls === 'label').map((t) => t.text)).toEqual(['Frequency (Hz)', 'Level (dB)']);
    expect(texts.filter((t) => t.cls === 'title').map((t) => t.text)).toEqual(['Spectrum']);
  });

  it('labels log ticks by decade with k suffixes', () => {
    const { texts } = parseSvg(spectrumPlot(f, peakAt(1000, 0), { frequencyScale: 'log', scale: 'db' }).toSVG());
    expect(texts.filter((t) => t.cls === 'tick').map((t) => t.text)).toEqual(expect.arrayContaining(['100', '1k', '10k']));
  });

  it('rejects lengths that differ and bad options', () => {
    expect(() => spectrumPlot(f, new Float64Array(3))).toThrow(/values has 3 values for 513 frequencies/);
    expect(() => spectrumPlot(f, [peakAt(1, 0), new Float64Array(2)])).toThrow(/values\[1\] has 2 values/);
    expect(() => spectrumPlot(f, peakAt(1, 0), { labels: ['a', 'b'] })).toThrow(RangeError);
    expect(() => spectrumPlot(f, peakAt(1, 0), { frequencyScale: 'mel' as 'log' })).toThrow(TypeError);
    expect(() => spectrumPlot('x' as unknown as number[], [])).toThrow(/frequencies must be an array of numbers/);
  });
});
