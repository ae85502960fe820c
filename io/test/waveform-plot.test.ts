import { describe, expect, it } from 'vitest';
import { asMultichannel } from '@ringflow/core';
import { waveformPlot } from '@ringflow/io';
import { decodePng, parseSvg } from './helpers/images.js';

/** Darker than the light grey grid lines: data (or the frame). */
const inked = (p: [number, number, number]) => p[0] + p[1] + p[2] < 500;

describe('waveformPlot', () => {
  it('draws one lane per channel and the envelope up to each channel peak', () => {
    const frames = 48000;
    const data = new Float32Array(frames * 2);
    for (let i = 0; i < frames; i++) {
      data[2 * i] = 0.5 * Math.sin((2 * Math.PI * 440 * i) / 48000); // peak 0.5
      data[2 * i + 1] = i === 30000 ? -1 : 0; // one click at 0.625 s
    }
    const plot = waveformPlot(asMultichannel(data, 2), { sampleRate: 48000, width: 600, height: 400 });
    const png = decodePng(plot.toPNG());
    expect([png.width, png.height]).toEqual([600, 400]);
    const { x, y, width, height } = plot.area; // the first lane
    const mid = Math.round(x + width * 0.43); // off the grid lines
    const rowOf = (v: number) => Math.round(y + height * (1 - (v + 1) / 2));
    expect(inked(png.at(mid, rowOf(0.45)))).toBe(true);
    expect(inked(png.at(mid, rowOf(-0.45)))).toBe(true);
    expect(inked(png.at(mid, rowOf(0.7)))).toBe(false);
    // Second lane: the single click, a one-sample event among 48 000, still reaches -1.
    const lane2 = y + height + 10;
    const clickX = Math.round(x + width * (30000 / 48000));
    const nearBottom = [-1, 0, 1, 2].some((dx) => inked(png.at(clickX + dx, Math.round(lane2 + height * 0.97))));
    expect(nearBottom).toBe(true);
    const { texts } = parseSvg(plot.toSVG());
    expect(texts.filter((t) => t.cls === 'legend').map((t) => t.text)).toEqual(['ch 1', 'ch 2']);
    expect(texts.filter((t) => t.cls === 'label').map((t) => t.text)).toEqual(['Amplitude', 'Time (s)']);
    expect(texts.filter((t) => t.cls === 'tick').map((t) => t.text)).toEqual(expect.arrayContaining(['0', '0.5', '1.0', '-1.0']));
  });

  it('joins the samples with lines when they are fewer than the pixels, from a plain array or planar channels', () => {
    const mono = Array.from({ length: 50 }, (_, i) => Math.sin(i / 5));
    const svg = waveformPlot(mono, { sampleRate: 100, title: 'short' }).toSVG();
    expect(svg).toMatch(/<path d="M[^"]*L[^"]*"[^>]*stroke="#1f77b4"/);
    const planar = waveformPlot([new Float32Array(10), new Float32Array(10).fill(0.5)], { sampleRate: 10, channelNames: ['L', 'R'] });
    expect(parseSvg(planar.toSVG()).texts.filter((t) => t.cls === 'legend').map((t) => t.text)).toEqual(['L', 'R']);
  });

  it('widens the range to the peak when samples exceed full scale', () => {
    const { texts } = parseSvg(waveformPlot(new Float64Array([0, 3, -2]), { sampleRate: 1 }).toSVG());
    expect(texts.map((t) => t.text)).toContain('3');
  });

  it('rejects what is not samples and bad options', () => {
    expect(() => waveformPlot('abc' as unknown as number[], { sampleRate: 1 })).toThrow(TypeError);
    expect(() => waveformPlot([new Float32Array(3), new Float32Array(4)], { sampleRate: 1 })).toThrow(/same length, got 3, 4/);
    expect(() => waveformPlot(new Float32Array(3), { sampleRate: -1 })).toThrow(RangeError);
    expect(() => waveformPlot(new Float32Array(3), { sampleRate: 1, channelNames: ['a', 'b'] })).toThrow(/name each of the 1 channels/);
  });
});
