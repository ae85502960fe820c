import { describe } from 'vitest';
import { ellipord } from '../../src/design/ellipord.js';
import { orderSuite } from '../helpers/order-suite.js';

describe('ellipord', () => {
  orderSuite('ellipord', ellipord as (...args: unknown[]) => ReturnType<typeof ellipord>);
});
