import { Subscriber, type Observable } from 'rxjs';

/** What `subscribeLinked` calls. A throw in any of them goes to `error`. */
export interface LinkedHandlers<T> {
  next(value: T): void;
  error(error: unknown): void;
  complete(): void;
}

/** An inner subscriber whose handlers' throws become errors instead of unhandled reports. */
class LinkedSubscriber<T> extends Subscriber<T> {
  readonly #handlers: LinkedHandlers<T>;

  constructor(handlers: LinkedHandlers<T>) {
    super();
    this.#handlers = handlers;
  }

  protected override _next(value: T): void {
    try {
      this.#handlers.next(value);
    } catch (error) {
      this.#handlers.error(error);
    }
  }

  protected override _error(error: unknown): void {
    try {
      this.#handlers.error(error);
    } finally {
      this.unsubscribe();
    }
  }

  protected override _complete(): void {
    try {
      this.#handlers.complete();
    } catch (error) {
      this.#handlers.error(error);
    } finally {
      this.unsubscribe();
    }
  }
}

/**
 * Subscribes to `source` with an inner subscriber linked to `downstream` *before* subscribing (as
 * the operators' `operate` helper does), so that an error or unsubscription of `downstream` stops
 * a synchronous source while it is still emitting.
 */
export function subscribeLinked<T>(source: Observable<T>, downstream: Subscriber<unknown>, handlers: LinkedHandlers<T>): void {
  const inner = new LinkedSubscriber(handlers);
  downstream.add(inner);
  source.subscribe(inner);
}
