// Marble tests of subscription timing for every operator, as RxJS's own operator specs do with
// expectSubscriptions: the source is subscribed once when the result is, and unsubscribed when
// the source completes or errors, when the result is unsubscribed, and when a downstream take(1)
// has what it needs.
import { describe, expect, it } from 'vitest';
import { take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { mix } from '@ringflow/operators';
import { CHUNK, OPERATOR_CASES } from '../helpers/operator-table.js';

const chunk = () => Float64Array.from({ length: CHUNK }, (_, i) => Math.sin(i));
const values = { a: chunk(), b: chunk(), c: chunk(), d: chunk(), e: chunk(), f: chunk() };

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('subscription timing of every operator', () => {
  for (const { name, make, emitsWhileRunning, firstAt = 0 } of OPERATOR_CASES) {
    describe(name, () => {
      it('unsubscribes the source when it completes', () => {
        scheduler().run(({ cold, expectSubscriptions }) => {
          const source = cold('a-b-c|', values);
          source.pipe(make()).subscribe();
          expectSubscriptions(source.subscriptions).toBe('^----!');
        });
      });

      it('unsubscribes the source when it errors, and forwards the error', () => {
        const s = scheduler();
        s.run(({ cold, expectSubscriptions }) => {
          const source = cold('a-b-#', values, new Error('source'));
          let error: unknown;
          source.pipe(make()).subscribe({ error: (e) => (error = e) });
          expectSubscriptions(source.subscriptions).toBe('^---!');
          s.schedule(() => expect((error as Error).message).toBe('source'), 5);
        });
      });

      it('unsubscribes the source when the result is unsubscribed', () => {
        const s = scheduler();
        s.run(({ cold, expectSubscriptions }) => {
          const source = cold('a-b-c-d-e-f-', values);
          const sub = source.pipe(make()).subscribe();
          s.schedule(() => sub.unsubscribe(), 3);
          expectSubscriptions(source.subscriptions).toBe('^--!');
        });
      });

      if (emitsWhileRunning) {
        it('unsubscribes the source as soon as take(1) has its value', () => {
          scheduler().run(({ cold, expectSubscriptions }) => {
            const source = cold('a-b-c-d-e-f-', values);
            source.pipe(make(), take(1)).subscribe();
            // The first output comes with chunk `firstAt` (at frame 2 * firstAt).
            expectSubscriptions(source.subscriptions).toBe(firstAt === 0 ? '(^!)' : `^${'-'.repeat(2 * firstAt - 1)}!`);
          });
        });
      }
    });
  }

  it('mix subscribes every input at once and unsubscribes them all when the shortest ends', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('a-b-c-d-e-|', values);
      const b = cold('a--b|', values);
      expectObservable(a.pipe(mix(b))).toBe('a--b|', {
        a: Float64Array.from(values.a, (x) => 2 * x),
        b: Float64Array.from(values.b, (x) => 2 * x),
      });
      expectSubscriptions(a.subscriptions).toBe('^---!');
      expectSubscriptions(b.subscriptions).toBe('^---!');
    });
  });
});
