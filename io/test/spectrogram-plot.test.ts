import { describe, expect, it } from 'vitest';
import { lastValueFrom, toArray } from 'rxjs';
import { fromSamples, magnitude, stft, toDecibels } from '@ringflow/operators';
import { spectrogramPlot } from '@ringflow/io';
import { decodePng, luminance, parseSvg } from './helpers/images.js';

const SAMPLE_RATE = 48000;
const FFT = 1024;
const HOP = 512;

/** dB spectra of `seconds` of tones (Hz) through ringflow's own stft. */
async function spectra(tones: number[], seconds = 1): Promise<Float32Array[]> {
  const n = Math.round(seconds * SAMPLE_RATE);
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) for (const f of tones) x[i]! += (0.5 / tones.length) * Math.sin((2 * Math.PI * f * i) / SAMPLE_RATE);
  return lastValueFrom(fromSamples(x, 4096).pipe(stft({ size: FFT, hop: HOP }), magnitude(), toDecibels({ ref: 'max' }), toArray()));
}

/** The row of the brightest pixel in column `x` between `y0` and `y1`. */
function brightestRow(png: ReturnType<typeof decodePng>, x: number, y0: number, y1: number): number {
  let best = y0;
  for (let y = y0; y < y1; y++) if (luminance(png.at(x, y)) > luminance(png.at(x, best))) best = y;
  return best;
}

describe('spectrogramPlot', () => {
  it('puts a known tone in the row of its frequency, at every pixel ratio', async () => {
    const frames = await spectra([3000]);
    const plot = spectrogramPlot(frames, { sampleRate: SAMPLE_RATE, hop: HOP, fftSize: FFT, width: 640, height: 360 });
    for (const ratio of [1, 2]) {
      const png = decodePng(plot.toPNG({ pixelRatio: ratio }));
      expect([png.width, png.height]).toEqual([640 * ratio, 360 * ratio]);
      const { x, y, width, height } = plot.area;
      const expected = (y + height * (1 - 3000 / 24000)) * ratio;
      const binHeight = (height / 513) * ratio;
      for (const fraction of [0.2, 0.5, 0.8]) {
        const column = Math.round((x + width * fraction) * ratio);
        const row = brightestRow(png, column, Math.ceil(y * ratio) + 1, Math.floor((y + height) * ratio) - 1);
        expect(Math.abs(row - expected)).toBeLessThanOrEqual(binHeight + 1);
      }
    }
  });

  it('separates two tones into two rows, high frequencies on top', async () => {
    const plot = spectrogramPlot(await spectra([2000, 15000]), { sampleRate: SAMPLE_RATE, hop: HOP, height: 500 });
    const png = decodePng(plot.toPNG());
    const { x, y, width, height } = plot.area;
    const column = Math.round(x + width / 2);
    const upper = brightestRow(png, column, y + 1, Math.round(y + height / 2));
    const lower = brightestRow(png, column, Math.round(y + height / 2), y + height - 1);
    expect(Math.abs(upper - (y + height * (1 - 15000 / 24000)))).toBeLessThanOrEqual(2);
    expect(Math.abs(lower - (y + height * (1 - 2000 / 24000)))).toBeLessThanOrEqual(2);
    expect(luminance(png.at(column, upper))).toBeGreaterThan(luminance(png.at(column, Math.round((upper + lower) / 2))) + 100);
  });

  it('keeps a one-bin tone visible when there are far more bins than pixel rows', () => {
    const frames = Array.from({ length: 50 }, () => Float32Array.from({ length: 4097 }, (_, k) => (k === 1000 ? 0 : -100)));
    const plot = spectrogramPlot(frames, { sampleRate: 48000, hop: 1024, height: 200 });
    const png = decodePng(plot.toPNG());
    const { x, y, width, height } = plot.area;
    const row = brightestRow(png, Math.round(x + width / 2), y + 1, y + height - 1);
    expect(Math.abs(row - (y + height * (1 - (1000 * 48000) / 8192 / 24000)))).toBeLessThanOrEqual(1);
  });

  it('draws a colour bar from dark (low) to bright (high)', async () => {
    const plot = spectrogramPlot(await spectra([1000]), { sampleRate: SAMPLE_RATE, hop: HOP, colormap: 'magma' });
    const png = decodePng(plot.toPNG());
    const barX = Math.round(plot.area.x + plot.area.width + 21);
    const topColour = png.at(barX, plot.area.y + 2);
    const bottomColour = png.at(barX, plot.area.y + plot.area.height - 2);
    expect(luminance(topColour)).toBeGreaterThan(200);
    expect(luminance(bottomColour)).toBeLessThan(20);
  });

  it('labels the axes with units, the colour bar and the title in SVG', async () => {
    const plot = spectrogramPlot(await spectra([1000]), { sampleRate: SAMPLE_RATE, hop: HOP, title: 'A & B <tone>' });
    const svg = plot.toSVG();
    const { root, texts, tags } = parseSvg(svg);
    expect(root).toBe('svg');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="800" height="400"/);
    expect(texts.filter((t) => t.cls === 'title').map((t) => t.text)).toEqual(['A & B <tone>']);
    expect(texts.filter((t) => t.cls === 'label').map((t) => t.text)).toEqual(['Time (s)', 'Frequency (Hz)', 'Level (dB)']);
    const ticks = texts.filter((t) => t.cls === 'tick').map((t) => t.text);
    expect(ticks).toEqual(expect.arrayContaining(['0', '5k', '10k', '20k', '0.2', '-40']));
    expect(tags.filter((t) => t === 'image').length).toBe(2); // the spectrogram and its colour bar
    expect(svg).toMatch(/href="data:image\/png;base64,iVBORw0KGgo/);
  });

  it('accepts amplitudes, a 2-D ndarray and an explicit range', () => {
    const data = new Float32Array(10 * 5).fill(0.01);
    data[3 * 5 + 2] = 1;
    const plot = spectrogramPlot({ data, shape: [10, 5], stride: [5, 1], offset: 0 }, { sampleRate: 8000, hop: 4, scale: 'amplitude', range: [-40, 0], width: 200, height: 120, title: '' });
    const png = decodePng(plot.toPNG());
    expect([png.width, png.height]).toEqual([200, 120]);
    expect(parseSvg(plot.toSVG()).texts.some((t) => t.cls === 'title')).toBe(false);
  });

  it('rejects input that is not [frames][bins] numbers and bad options', () => {
    const ok = [new Float32Array(4), new Float32Array(4)];
    expect(() => spectrogramPlot([new Float32Array(4), new Float32Array(3)], { sampleRate: 8000, hop: 2 })).toThrow(/frame 0 has 4, frame 1 has 3/);
    expect(() => spectrogramPlot([], { sampleRate: 8000, hop: 2 })).toThrow(RangeError);
    expect(() => spectrogramPlot(new Float32Array(8) as unknown as Float32Array[], { sampleRate: 8000, hop: 2 })).toThrow(TypeError);
    expect(() => spectrogramPlot(ok, { sampleRate: 0, hop: 2 })).toThrow(/sampleRate must be a positive number/);
    expect(() => spectrogramPlot(ok, { sampleRate: 8000, hop: 2, colormap: 'jet' as 'viridis' })).toThrow(/colormap must be one of 'viridis', 'magma', 'inferno', 'plasma', 'gray'/);
    expect(() => spectrogramPlot(ok, { sampleRate: 8000, hop: 2, width: 20 })).toThrow(/width must be an integer number of pixels from 100 to 8000/);
    expect(() => spectrogramPlot(ok, { sampleRate: 8000, hop: 2, range: [0, -10] })).toThrow(/range must be \[min, max\]/);
    expect(() => spectrogramPlot(ok, { sampleRate: 8000, hop: 2 }).toPNG({ pixelRatio: 1.5 })).toThrow(/toPNG: pixelRatio must be an integer from 1 to 4/);
    expect(() => spectrogramPlot(ok, { sampleRate: 8000, hop: 2 }).toRGB({ pixelRatio: 0 })).toThrow(/toRGB: pixelRatio must be an integer from 1 to 4/);
  });

  it('toRGB gives the pixels the PNG holds', () => {
    const plot = spectrogramPlot([Float32Array.of(0, -40, -80), Float32Array.of(-80, -40, 0)], { sampleRate: 8000, hop: 2, fftSize: 4, width: 200, height: 120 });
    for (const pixelRatio of [1, 2]) {
      const { width, height, rgb } = plot.toRGB({ pixelRatio });
      expect([width, height]).toEqual([200 * pixelRatio, 120 * pixelRatio]);
      const png = decodePng(plot.toPNG({ pixelRatio }));
      expect([png.width, png.height]).toEqual([width, height]);
      for (const [x, y] of [[0, 0], [width >> 1, height >> 1], [width - 1, height - 1], [37, 91]] as const) {
        expect(png.at(x, y)).toEqual(Array.from(rgb.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)));
      }
    }
  });
});
