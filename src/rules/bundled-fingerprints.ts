/**
 * The fingerprint of every bundled set, pinned. A rule file that keeps a bundled set's id is that
 * set only if its content is the same: loading compares against this table, so a copy with a
 * loosened threshold cannot pass, in any report, as the decision it no longer is — and the check
 * needs neither the bundled data (the browser build loads sets on demand) nor the versions module.
 *
 * tests/rules/bundled-id.test.ts keeps the table equal to the bundled files: after changing one,
 * put its new fingerprint here (the test prints it).
 */
import type { BundledSetId } from './manifest/index.js';

export const BUNDLED_FINGERPRINTS: { readonly [Id in BundledSetId]: string } = {
  'dak-nong/commune-ntm/2022': 'b94855ad15ec3ccb0031ccff1ae89fc4bd3e49db44d3eeed0e40da6599f3887b',
  'dak-nong/commune-ntm/2024': '2a2eeffdb6cf0cfbd0bfb8429471a45ba328587eb7ec370b40900699dd9820ac',
  'dak-nong/commune-ntm-advanced/2022': '1f24d1d5ec9e0b328df570602496e8c6ef1decf86a26e6921691dc18164230b6',
  'dak-nong/commune-ntm-advanced/2024': 'effa164459f86482465d71b86394ca6933a70f5dbd0b2b0094dd0c1d33782a20',
  'national/commune-ntm/2016': 'ad368028c803625a1f56b5629ac0b9ad89cc27700f6fdeed944014067b857248',
  'national/commune-ntm/2022': 'a3311d7c3e1fcf00360a504e44af273c4025f9f3331d12292895c79d9bb50db8',
  'national/commune-ntm/2024': '4f94593d49bef689c68b1b1756d0c15cbef4162ebbeacbcc9ded95b33e4dd104',
  'national/commune-model/2022': 'b98aef2871ccbd94aa72d7b2f94759b896de68e4ffef730f896083d59d7aabdb',
  'national/district-ntm/2022': 'e5c771316fb80ffe8d28c8f7eb04a667975e4768341445f60ffd451a87482247',
  'national/district-ntm/2024': 'd45abf546090cdc0179676239355d81c604fd9ae4b3a75e22d1ab492ba009713',
  'national/commune-ntm/2026': 'e92141acfa811390efc443022024704a6f215ff80c1b5cdfa14c1c34eeb4ed54',
};
