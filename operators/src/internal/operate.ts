import { Observable, Subscriber, type OperatorFunction, type Subscription } from 'rxjs';

/**
 * What an operator does per subscription: `next` per source value, optional `complete` (default:
 * complete downstream), `error` (default: pass the error downstream) and `finalize` (runs once when
 * the subscription ends, however it ends).
 */
export interface OperateHandlers<T> {
  next(value: T): void;
  complete?(): void;
  error?(error: unknown): void;
  finalize?(): void;
}

/**
 * The inner subscriber of an operator (the house's counterpart of RxJS's internal
 * `OperatorSubscriber`): it forwards to the handlers and sends anything they throw downstream as
 * an error, instead of letting RxJS report it as unhandled.
 */
class OperatorSubscriber<T, R> extends Subscriber<T> {
  constructor(
    private readonly downstream: Subscriber<R>,
    private readonly handlers: OperateHandlers<T>,
  ) {
    super();
  }

  protected override _next(value: T): void {
    try {
      this.handlers.next(value);
    } catch (error) {
      this.downstream.error(error);
    }
  }

  protected override _error(error: unknown): void {
    try {
      if (this.handlers.error !== undefined) this.handlers.error(error);
      else this.downstream.error(error);
    } catch (thrown) {
      this.downstream.error(thrown);
    } finally {
      this.unsubscribe();
    }
  }

  protected override _complete(): void {
    try {
      if (this.handlers.complete !== undefined) this.handlers.complete();
      else this.downstream.complete();
    } catch (error) {
      this.downstream.error(error);
    } finally {
      this.unsubscribe();
    }
  }
}

/**
 * Builds an operator from per-subscription handlers: `setup(subscriber)` runs once per subscription
 * (fresh state lives in its closure) and returns the handlers.
 *
 * @remarks
 * The inner subscription is linked to the downstream subscriber *before* the source is subscribed,
 * so a downstream `take(n)`, `first()` or error closes it while a synchronous source is still
 * emitting, and a source that checks `subscriber.closed` stops at once. Errors thrown by `setup` or
 * by any handler error the stream. Every ringflow operator goes through here (and operators with
 * more inputs subscribe the others with {@link subscribeInner}); none writes its own
 * `source.subscribe` plumbing.
 */
export function operate<T, R>(setup: (subscriber: Subscriber<R>) => OperateHandlers<T>): OperatorFunction<T, R> {
  return (source) =>
    new Observable<R>((subscriber) => {
      let handlers: OperateHandlers<T>;
      try {
        handlers = setup(subscriber);
      } catch (error) {
        subscriber.error(error);
        return;
      }
      if (handlers.finalize !== undefined) subscriber.add(handlers.finalize.bind(handlers));
      if (subscriber.closed) return;
      subscribeInner(subscriber, source, handlers);
    });
}

/**
 * Subscribes to `source` on behalf of `downstream`: the inner subscriber is added to `downstream`
 * before subscribing (so closing `downstream` stops even a synchronous source), anything the
 * handlers throw errors `downstream`, and an error of `source` errors `downstream` unless
 * `handlers.error` says otherwise. Without `handlers.complete`, completing `source` completes
 * `downstream`. For operators with several inputs (`mix`) and live parameters; `handlers.finalize`
 * is not used here.
 */
export function subscribeInner<T>(downstream: Subscriber<never>, source: Observable<T>, handlers: OperateHandlers<T>): Subscription {
  const inner = new OperatorSubscriber<T, never>(downstream, handlers);
  downstream.add(inner);
  if (!downstream.closed) source.subscribe(inner);
  return inner;
}
