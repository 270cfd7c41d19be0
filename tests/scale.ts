/**
 * Two sizes for the tests whose guarantee grows with the amount of data: `npm test` runs the size
 * each guarantee needs (every case the generator makes, every kind of broken row, many times);
 * `npm run test:full` (NTM_TEST_FULL=1; CI runs both) runs the large sizes the README quotes
 * (100,000 communes, a 100,000-row CSV).
 */
export const FULL = process.env.NTM_TEST_FULL === '1';

/** `quick` in `npm test`, `full` in `npm run test:full`. */
export function sized(quick: number, full: number): number {
  return FULL ? full : quick;
}

/** A count as the README writes it: 100,000. */
export const count = (n: number): string => n.toLocaleString('en-US');
