// A scheduler that runs nothing by itself: each scheduled action waits until the consumer pulls.
// Given to a cold reader that schedules its next read after each chunk (openWav's chunks()), it
// turns the push stream into a pull one, so an async consumer (a ZeroMQ send awaited per chunk)
// paces the file reads and nothing queues.
import { Subscription, type SchedulerAction, type SchedulerLike } from 'rxjs';

/** A {@link SchedulerLike} whose actions run only on {@link PullScheduler.pull}. */
export class PullScheduler implements SchedulerLike {
  #pending: (() => void) | undefined;

  now(): number {
    return Date.now();
  }

  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, _delay?: number, state?: T): Subscription {
    const action = new Subscription() as SchedulerAction<T>;
    action.schedule = (next?: T): Subscription => {
      this.#pending = () => {
        if (!action.closed) work.call(action, next);
      };
      return action;
    };
    action.schedule(state);
    return action;
  }

  /** Runs the waiting action, if any; false when none was waiting (the reader is done). */
  pull(): boolean {
    const pending = this.#pending;
    this.#pending = undefined;
    if (pending === undefined) return false;
    pending();
    return true;
  }
}
