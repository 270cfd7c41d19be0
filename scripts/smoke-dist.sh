#!/usr/bin/env bash
# Imports the built package from dist/ as a user would — ESM and CJS — and evaluates a commune.
set -euo pipefail
cd "$(dirname "$0")/.."
node --input-type=module -e "
import { evaluateCommune, listCriterionSets } from './dist/index.js';
const r = await evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'smoke', year: 2023, indicators: { '15.3': '24,9' } });
const i = r.criteria.find((c) => c.number === '15').indicators.find((x) => x.code === '15.3');
if (i.status !== 'met' || i.requirement.textVi !== '≤ 26,5 %') throw new Error('ESM smoke failed: ' + JSON.stringify(i));
if (listCriterionSets().length < 1) throw new Error('no sets');
console.log('ESM smoke ok');
"
node -e "
const { evaluateCommune } = require('./dist/index.cjs');
evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'smoke', year: 2023, indicators: { '15.3': 27 } }).then((r) => {
  const i = r.criteria.find((c) => c.number === '15').indicators.find((x) => x.code === '15.3');
  if (i.status !== 'not-met' || i.shortfall !== 0.5) throw new Error('CJS smoke failed: ' + JSON.stringify(i));
  console.log('CJS smoke ok');
});
"
