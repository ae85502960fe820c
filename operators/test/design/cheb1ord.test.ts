import { describe } from 'vitest';
import { cheb1ord } from '../../src/design/cheb1ord.js';
import { orderSuite } from '../helpers/order-suite.js';

describe('cheb1ord', () => {
  orderSuite('cheb1ord', cheb1ord as (...args: unknown[]) => ReturnType<typeof cheb1ord>);
});
