/**
 * Modified Bessel function of the first kind, order 0, for real `x`.
 *
 * @remarks
 * Power series `sum_k ((x/2)^k / k!)^2`; every term is positive, so there is no cancellation and the
 * result is accurate to a few ulp for the arguments window design uses (|x| < 700). Allocates nothing.
 *
 * @param x - argument
 * @returns I0(x)
 */
export function besselI0(x: number): number {
  const q = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 1000; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}
