import { describe } from 'vitest';
import { buttord } from '../../src/design/buttord.js';
import { orderSuite } from '../helpers/order-suite.js';

describe('buttord', () => {
  orderSuite('buttord', buttord as (...args: unknown[]) => ReturnType<typeof buttord>);
});
