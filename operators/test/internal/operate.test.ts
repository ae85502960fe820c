import { describe, expect, it } from 'vitest';
import { Observable, first, take, throwError, concat, of } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { operate } from '../../src/internal/operate.js';

/** An endless synchronous source that stops only when its subscriber closes. */
function endless(): { source: Observable<number>; emitted: () => number } {
  let emitted = 0;
  const source = new Observable<number>((subscriber) => {
    for (let i = 0; !subscriber.closed; i++) {
      emitted++;
      subscriber.next(i);
      if (emitted > 1_000_000) throw new Error('the source was never told to stop');
    }
  });
  return { source, emitted: () => emitted };
}

const double = operate<number, number>((subscriber) => ({ next: (v) => subscriber.next(v * 2) }));

describe('operate', () => {
  it('stops an endless synchronous source when take(n) unsubscribes', () => {
    const { source, emitted } = endless();
    const out: number[] = [];
    source.pipe(double, take(3)).subscribe((v) => out.push(v));
    expect(out).toEqual([0, 2, 4]);
    expect(emitted()).toBe(3);
  });

  it('stops the source on first() and when a handler throws', () => {
    const a = endless();
    a.source.pipe(double, first()).subscribe();
    expect(a.emitted()).toBe(1);

    const b = endless();
    const boom = operate<number, number>(() => ({
      next(v) {
        if (v === 4) throw new RangeError('boom');
      },
    }));
    let error: unknown;
    b.source.pipe(boom).subscribe({ error: (e) => (error = e) });
    expect(error).toBeInstanceOf(RangeError);
    expect(b.emitted()).toBe(5);
  });

  it('sends errors thrown in setup and complete downstream, and runs finalize once', () => {
    let finalized = 0;
    const failingSetup = operate<number, number>(() => {
      throw new TypeError('bad');
    });
    let error: unknown;
    of(1).pipe(failingSetup).subscribe({ error: (e) => (error = e) });
    expect(error).toBeInstanceOf(TypeError);

    const failingComplete = operate<number, number>(() => ({
      next() {},
      complete() {
        throw new RangeError('at the end');
      },
      finalize: () => finalized++,
    }));
    error = undefined;
    of(1).pipe(failingComplete).subscribe({ error: (e) => (error = e) });
    expect(error).toBeInstanceOf(RangeError);
    expect(finalized).toBe(1);
  });

  it('passes upstream errors through, or to the error handler', () => {
    let seen: unknown;
    concat(of(1), throwError(() => new Error('up'))).pipe(double).subscribe({ error: (e) => (seen = e) });
    expect((seen as Error).message).toBe('up');
  });

  it('subscribes and unsubscribes the source as RxJS operators do', () => {
    new TestScheduler((a, b) => expect(a).toEqual(b)).run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('a-b-c|', { a: 1, b: 2, c: 3 });
      expectObservable(source.pipe(double)).toBe('a-b-c|', { a: 2, b: 4, c: 6 });
      expectSubscriptions(source.subscriptions).toBe('^----!');
      const endlessCold = cold('a-b-c-d-e-', { a: 1, b: 2, c: 3, d: 4, e: 5 });
      expectObservable(endlessCold.pipe(double, take(2))).toBe('a-(b|)', { a: 2, b: 4 });
      expectSubscriptions(endlessCold.subscriptions).toBe('^-!');
    });
  });
});
