// chirp against scipy.signal.chirp reference values (operators/scripts/fixtures_sources.py, committed
// as test/fixtures/sources/chirp.json). Tolerance: 1e-12 absolute on values in [-1, 1]; both sides
// evaluate the same closed-form phase in float64 (differences come from pow/log/cos rounding on
// phases up to ~200 rad: measured worst 3e-14).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Observable } from 'rxjs';
import { concatenate } from '@ringflow/core';
import { chirp, type ChirpMethod } from '@ringflow/operators';

interface Case {
  method: ChirpMethod;
  f0: number;
  f1: number;
  t1: number;
  phi: number;
  vertex_zero: boolean;
  values: number[];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/sources/chirp.json', import.meta.url), 'utf8')) as { fs: number; n: number; cases: Case[] };

function joined<T extends Float32Array | Float64Array>(source: Observable<T>): T {
  const out: T[] = [];
  source.subscribe({ next: (c) => out.push(c), error: (e) => { throw e; } });
  return concatenate(...(out as [T]));
}

describe('chirp', () => {
  for (const c of fixture.cases) {
    it(`matches scipy.signal.chirp for ${c.method} ${c.f0} -> ${c.f1} Hz, phi ${c.phi} deg${c.vertex_zero ? '' : ', vertex at t1'}`, () => {
      const x = joined(
        chirp({
          f0: c.f0,
          f1: c.f1,
          duration: c.t1,
          sampleRate: fixture.fs,
          method: c.method,
          phase: (c.phi * Math.PI) / 180,
          vertexZero: c.vertex_zero,
          length: fixture.n,
          chunkSize: 37,
        }),
      );
      expect(x).toHaveLength(c.values.length);
      let worst = 0;
      for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i]! - c.values[i]!));
      expect(worst).toBeLessThan(1e-12);
    });
  }

  it('defaults to round(duration * sampleRate) samples and the linear method', () => {
    const x = joined(chirp({ f0: 10, f1: 200, duration: 0.15, sampleRate: 1000 }));
    expect(x).toHaveLength(150);
    const linear = fixture.cases[0]!;
    expect(linear.method).toBe('linear');
    for (let i = 0; i < x.length; i++) expect(x[i]).toBeCloseTo(linear.values[i]!, 9);
  });

  it('does not depend on chunkSize and keeps float32 as float32', () => {
    const opts = { f0: 5, f1: 300, duration: 1, sampleRate: 1000, method: 'logarithmic' } as const;
    const reference = joined(chirp({ ...opts, chunkSize: 1000 }));
    for (const chunkSize of [1, 7, 128]) expect(joined(chirp({ ...opts, chunkSize }))).toEqual(reference);
    const f32 = joined(chirp({ ...opts, format: 'float32', amplitude: 0.5 }));
    expect(f32).toBeInstanceOf(Float32Array);
    expect(f32).toEqual(Float32Array.from(reference, (v) => 0.5 * v));
  });

  it('rejects bad options at creation', () => {
    const base = { f0: 10, f1: 100, duration: 1, sampleRate: 1000 };
    expect(() => chirp({ ...base, duration: 0 })).toThrow(RangeError);
    expect(() => chirp({ ...base, f0: Number.NaN })).toThrow(RangeError);
    expect(() => chirp({ ...base, method: 'cubic' as 'linear' })).toThrow(TypeError);
    expect(() => chirp({ ...base, method: 'logarithmic', f0: 0 })).toThrow(RangeError);
    expect(() => chirp({ ...base, method: 'logarithmic', f0: -10 })).toThrow(RangeError);
    expect(() => chirp({ ...base, method: 'hyperbolic', f1: 0 })).toThrow(RangeError);
    expect(() => chirp({ ...base, chunkSize: -4 })).toThrow(RangeError);
    expect(() => chirp({ ...base, length: 1.5 })).toThrow(RangeError);
  });
});
