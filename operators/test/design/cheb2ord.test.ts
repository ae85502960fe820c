import { describe } from 'vitest';
import { cheb2ord } from '../../src/design/cheb2ord.js';
import { orderSuite } from '../helpers/order-suite.js';

describe('cheb2ord', () => {
  orderSuite('cheb2ord', cheb2ord as (...args: unknown[]) => ReturnType<typeof cheb2ord>);
});
