#!/usr/bin/env bash
# The package as users get it, from a clean clone (packing must build: `prepack`):
#  - `git clone` of this checkout's HEAD into a temporary folder, `npm ci`, `npm pack` with no prior
#    build, and the tarball's file list checked;
#  - the tarball installed into a fresh ES-module project: `npx ntm <command> --help` and one real
#    run of every command (exit codes checked), the library imported (main entry, words, browser);
#  - a fresh CommonJS project: the library required, one `ntm` command;
#  - a fresh TypeScript project, strict, without skipLibCheck, type-checked by the oldest
#    TypeScript the declarations support and the newest, under `node16`, `nodenext` and `bundler`
#    resolution (ESM and CommonJS files), then compiled and run, with one `ntm` command.
# Uses the npm registry only for the package's own dependencies and the TypeScript compilers.
# Commit first: what is packed is HEAD, as CI sees it, not the working tree.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ntm-pack-XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() { echo "smoke-pack: $*" >&2; exit 1; }
npm_quiet() { npm "$@" --no-audit --no-fund --prefer-offline --loglevel=error >/dev/null; }

# The oldest TypeScript the declarations compile with (zod's declarations use NoInfer, TS 5.4),
# and the newest lines.
TS_VERSIONS=${NTM_SMOKE_TS_VERSIONS:-"5.4.5 6.0.3 7.0.2"}

if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "smoke-pack: note: the working tree has uncommitted changes; packing HEAD" >&2
fi
git clone --quiet --no-hardlinks "$repo" "$work/clone"
(
  cd "$work/clone"
  npm_quiet ci
  [ ! -e dist ] || fail "the clean clone has a dist/ before packing"
  npm pack --silent --pack-destination "$work" >"$work/pack.txt" 2>"$work/pack-err.txt" || { cat "$work/pack-err.txt" >&2; fail "npm pack failed"; }
)
tarball=$(tail -n 1 "$work/pack.txt")
[ -f "$work/$tarball" ] || fail "npm pack made no tarball"
files=$(tar -tzf "$work/$tarball" | sed 's|^package/||')
for f in dist/cli.js dist/index.js dist/index.cjs dist/index.d.ts dist/index.d.cts dist/browser/ntm-rules.js dist/words/index.js dist/words/index.cjs dist/words/index.d.ts \
  dist/words/index.d.cts dist/workbook/index.js dist/workbook/index.cjs dist/workbook/index.d.ts dist/workbook/index.d.cts words/package.json \
  rules/sets/dak-nong/1037-qd-ubnd-2022.json rules/sets/dak-nong/1037-qd-ubnd-2022.211-qd-ttg-2024.json rules/plans/dak-song/2023.json schemas/criterion-set.schema.json \
  schemas/commune-input.schema.json README.md LICENSE package.json; do
  grep -qx "$f" <<<"$files" || fail "the package lacks $f"
done
if grep -E '^(src|tests|bench|examples)/' <<<"$files" >/dev/null; then fail "the package carries sources or tests"; fi
if grep -E '\.map$' <<<"$files" >/dev/null; then fail "the package carries source maps"; fi
# CommonJS declarations import CommonJS declaration chunks only: a .d.cts importing a .d.ts (an ES
# module in this "type": "module" package) fails to compile in a node16 CommonJS project (TS1479).
tar -xzf "$work/$tarball" -C "$work"
# Bytes, as npm reports unpackedSize: disk blocks would charge each of ~500 small files for a whole block.
unpacked=$(du -sk --apparent-size "$work/package" | cut -f1)
[ "$unpacked" -lt 12288 ] || fail "the package unpacks to $unpacked KB (more than 12 MB)"
for d in $(grep '\.d\.cts$' <<<"$files"); do
  if grep -Eo "from '\./[^']+'" "$work/package/$d" | grep -Ev "\.cjs'$" >/dev/null; then fail "$d imports a declaration file that is not CommonJS"; fi
done

# A fresh project of each kind, with the tarball installed.
new_project() {
  local dir=$1 type=$2
  mkdir -p "$dir"
  echo "{ \"name\": \"ntm-smoke-$type\", \"version\": \"1.0.0\", \"private\": true, \"type\": \"$type\" }" >"$dir/package.json"
  (cd "$dir" && npm_quiet install "$work/$tarball")
}
app="$work/esm-app"
new_project "$app" module
cd "$app"
version=$(node -p "require('ntm-rules/package.json').version")

# Every command: --help, then one real run, each with the exit code it must give.
expect_code() {
  local want=$1
  shift
  set +e
  "$@" >"$work/out.txt" 2>"$work/err.txt"
  local got=$?
  set -e
  if [ "$got" -ne "$want" ]; then
    cat "$work/out.txt" "$work/err.txt" >&2
    fail "'$*' exited $got, expected $want"
  fi
}
set_id=dak-nong/commune-ntm/2022
[ "$(npx --no-install ntm --version)" = "$version" ] || fail "ntm --version is not $version"
expect_code 0 npx --no-install ntm --help
expect_code 2 npx --no-install ntm
expect_code 2 npx --no-install ntm no-such-command
commands=$(npx --no-install ntm --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p')
for c in sets show evaluate owners worklist targets calendar diff check template; do
  grep -qx "$c" <<<"$commands" || fail "ntm --help does not list $c (it lists: $commands)"
done
for c in $commands; do
  expect_code 0 npx --no-install ntm "$c" --help
  grep -q "^ntm $c" "$work/out.txt" || fail "ntm $c --help does not describe ntm $c"
done

cat >data.csv <<'CSV'
Mã xã,Tên xã,Năm,15.3 Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi,17.10,9.2,TC10
dak-mol,Đắk Môl,2023,"24,9",Đạt,91,Chưa đạt
nam-binh,Nam Bình,2023,"28,2 (Không đạt)",Đạt,80,Đạt
CSV
printf 'communeId,year,15.3\nbad,2023,abc\n' >bad.csv
printf 'communeId,year,15.3\nlater,2024,20\n' >data-2024.csv
npx --no-install ntm template "$set_id" --out overlay.json
node -e "
const o = JSON.parse(require('fs').readFileSync('overlay.json', 'utf8'));
o.id = 'smoke/commune-ntm/2022-calibrated';
o.indicators['9.2'].requirement = { kind: 'compare', operator: '>=', value: 85, source: { decision: 'smoke test value', confidence: 'verified' } };
require('fs').writeFileSync('overlay.json', JSON.stringify(o));
"
rules=node_modules/ntm-rules/rules
# exceljs is an optional peer, not installed here: ntm carries its own copy and reads and writes XLSX.
[ ! -e node_modules/exceljs ] || fail "exceljs was installed with the package (it is an optional peer dependency)"
cp "$repo/examples/dak-song-2023.xlsx" data.xlsx
expect_code 0 npx --no-install ntm evaluate data.xlsx --set "$set_id" --format csv --lang en
grep -q '^dak-mol,Đắk Môl,2023' "$work/out.txt" || fail "ntm evaluate did not read the XLSX file"
expect_code 0 npx --no-install ntm template "$set_id" --format xlsx --out template.xlsx
expect_code 0 npx --no-install ntm sets
expect_code 0 npx --no-install ntm show "$set_id" --region TDMNPB
expect_code 0 npx --no-install ntm evaluate data.csv --set "$set_id" --plan dak-song/2023 --as-of 2023-06-05 --overlay overlay.json --format html --out report.html
grep -q 'Đắk Môl' report.html || fail "evaluate --format html wrote no commune"
expect_code 0 npx --no-install ntm evaluate data-2024.csv --set dak-nong/commune-ntm --as-of 2024-06-30 --format json
grep -q '"setId":"dak-nong/commune-ntm/2024"' "$work/out.txt" || fail "evaluate --as-of did not pick the 2024 version"
expect_code 1 npx --no-install ntm evaluate bad.csv --set "$set_id"
grep -q 'bad.csv:2:3' "$work/err.txt" || fail "evaluate did not locate the bad cell"
expect_code 2 npx --no-install ntm evaluate missing.csv --set "$set_id"
expect_code 0 npx --no-install ntm owners --agency health
expect_code 0 npx --no-install ntm worklist data.csv --agency health --set "$set_id"
expect_code 0 npx --no-install ntm targets data.csv --set "$set_id" --format json
expect_code 0 npx --no-install ntm calendar --year 2023 --from 2023-06-05
expect_code 0 npx --no-install ntm diff national/commune-ntm/2016 "$set_id" --lang en
grep -q '15.3' "$work/out.txt" || fail "diff does not show 15.3"
expect_code 0 npx --no-install ntm check "$rules/plans/dak-song/2023.json"
expect_code 0 npx --no-install ntm check "$rules/sets/dak-nong/1037-qd-ubnd-2022.json"
expect_code 0 npx --no-install ntm check "$rules/sets/dak-nong/1037-qd-ubnd-2022.211-qd-ttg-2024.json"
expect_code 0 npx --no-install ntm check overlay.json
echo "installed ntm $version: --help of all $(wc -w <<<"$commands") commands, a real run of the 10 documented since the start, exit codes 0/1/2"

# The library from an ES module, a CommonJS module and the browser entry (import and require).
cat >esm.mjs <<'JS'
import { evaluateCommune, listCriterionSets, indicatorResult } from 'ntm-rules';
import { parseCount } from 'ntm-rules/words';
import * as browser from 'ntm-rules/browser';
const r = await evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'x', year: 2023, indicators: { '15.3': '24,9' } });
const i = indicatorResult(r, '15.3');
if (parseCount('9.200') !== 9200) throw new Error('ESM: ntm-rules/words');
if (i.status !== 'met' || i.requirement.textVi !== '≤ 26,5 %') throw new Error('ESM: ' + JSON.stringify(i));
if (listCriterionSets().length < 1) throw new Error('ESM: no sets');
const b = await browser.evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'x', year: 2023, indicators: { '15.3': 27 } });
if (b.status === 'met') throw new Error('browser entry: ' + b.status);
// Without the optional exceljs, the workbook functions say what to install (CSV still works).
const workbook = await import('ntm-rules/workbook');
const book = workbook.calibrationWorkbook('dak-nong/commune-ntm/2022');
if (!workbook.workbookToCsv(book)) throw new Error('ESM: workbookToCsv');
const missing = await workbook.workbookToXlsx(book).then(() => null, (e) => e);
if (missing?.code !== 'MISSING_DEPENDENCY' || !/npm install exceljs/.test(missing.message)) throw new Error('ESM: workbookToXlsx without exceljs: ' + missing);
console.log('ESM import ok');
JS
node esm.mjs

# A CommonJS project: require, and one command.
cd "$work"
new_project "$work/cjs-app" commonjs
cd "$work/cjs-app"
cat >cjs.cjs <<'JS'
const { evaluateCommune } = require('ntm-rules');
const { parseDecimal } = require('ntm-rules/words');
const browser = require('ntm-rules/browser');
if (parseDecimal('1.000,5') !== 1000.5) throw new Error('CJS: ntm-rules/words');
if (typeof browser.evaluateCommune !== 'function') throw new Error('CJS: ntm-rules/browser has no evaluateCommune');
evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'x', year: 2023, indicators: { '15.3': 27 } }).then((r) => {
  const i = r.criteria.find((c) => c.number === '15').indicators.find((x) => x.code === '15.3');
  if (i.status !== 'not-met' || i.shortfall !== 0.5) throw new Error('CJS: ' + JSON.stringify(i));
  console.log('CJS require ok');
});
JS
node cjs.cjs
npx --no-install ntm sets --lang en | grep -q 'dak-nong/commune-ntm/2022' || fail "CommonJS project: ntm sets does not list dak-nong/commune-ntm/2022"

# A TypeScript project, strict, without skipLibCheck, against the installed declarations only: each
# TypeScript version under node16 and nodenext (an ES module and a CommonJS file) and bundler.
new_project "$work/ts-app" commonjs
cd "$work/ts-app"
for v in $TS_VERSIONS; do
  mkdir -p "$work/ts-$v"
  echo '{ "private": true }' >"$work/ts-$v/package.json"
  (cd "$work/ts-$v" && npm_quiet install "typescript@$v")
done
for mode in node16 nodenext bundler; do
  if [ "$mode" = bundler ]; then module=esnext; files='"app.ts"'; else module=$mode; files='"app.mts", "app.cts"'; fi
  cat >"tsconfig.$mode.json" <<JSON
{
  "compilerOptions": {
    "target": "ES2022", "module": "$module", "moduleResolution": "$mode", "strict": true,
    "noUncheckedIndexedAccess": true, "exactOptionalPropertyTypes": true, "skipLibCheck": false,
    "noEmit": true, "types": []
  },
  "files": [$files]
}
JSON
done
cat >app.mts <<'TS'
import { evaluateCommune, indicatorResult, parseCommuneInput, type CommuneResult } from 'ntm-rules';
import { parseDecimal } from 'ntm-rules/browser';
import { idKey } from 'ntm-rules/words';
import { calibrationWorkbook } from 'ntm-rules/workbook';
const r: CommuneResult = await evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'x', year: 2023, indicators: { '15.3': '24,9' } });
const status: 'met' | 'not-met' | 'undetermined' = r.status;
const n: number | null = parseDecimal('93,5');
const key: string = idKey(' X ');
const shortfall: number | null | undefined = indicatorResult(r, '15.3')?.shortfall;
// The installed declarations refuse a typo in an input and an assignment to a (frozen) result
// (checked by the compiler, never called: both would throw).
function refused(): void {
  // @ts-expect-error comuneId
  void evaluateCommune('dak-nong/commune-ntm/2022', { comuneId: 'x', year: 2023 });
  // @ts-expect-error results are read-only
  r.status = 'met';
}
await evaluateCommune('dak-nong/commune-ntm/2022', parseCommuneInput(JSON.parse('{"communeId":"x","year":2023}')));
if (indicatorResult(r, '15.3')?.status !== 'met' || n !== 93.5 || typeof calibrationWorkbook !== 'function') throw new Error('TypeScript ESM: ' + JSON.stringify(r));
console.log('TypeScript ESM ok');
export { status, n, key, shortfall, refused };
TS
cat >app.cts <<'TS'
import ntm = require('ntm-rules');
import words = require('ntm-rules/words');
import workbook = require('ntm-rules/workbook');
export const sets: number = ntm.listCriterionSets().length;
export const count: number | null = words.parseCount('9.200');
if (sets < 1 || count !== 9200 || typeof workbook.calibrationWorkbook !== 'function') throw new Error('TypeScript CJS');
void ntm.evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'x', year: 2023, indicators: { '15.3': 27 } }).then((r: ntm.CommuneResult) => {
  if (ntm.indicatorResult(r, '15.3')?.status !== 'not-met') throw new Error('TypeScript CJS: ' + r.status);
  console.log('TypeScript CJS ok');
});
TS
cat >app.ts <<'TS'
import { evaluateCommune, indicatorResult, type IndicatorResult } from 'ntm-rules';
import { idKey } from 'ntm-rules/words';
import { calibrationWorkbook } from 'ntm-rules/workbook';
export const status: Promise<IndicatorResult['status'] | undefined> = evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'x', year: 2023 }).then((r) => indicatorResult(r, '15.3')?.status);
export const key: string = idKey(' X ');
export const template = calibrationWorkbook;
TS
for v in $TS_VERSIONS; do
  for mode in node16 nodenext bundler; do
    node "$work/ts-$v/node_modules/typescript/bin/tsc" -p "tsconfig.$mode.json" || fail "TypeScript $v, $mode: the project does not compile"
  done
done
newest=${TS_VERSIONS##* }
node "$work/ts-$newest/node_modules/typescript/bin/tsc" -p tsconfig.nodenext.json --noEmit false --outDir out || fail "TypeScript $newest: the project does not compile to JavaScript"
node out/app.mjs
node out/app.cjs
[ "$(npx --no-install ntm --version)" = "$version" ] || fail "TypeScript project: ntm --version is not $version"
echo "strict TypeScript project ($TS_VERSIONS; node16, nodenext, bundler; ESM and CJS; no skipLibCheck) ok, compiled and run"
echo "packed package ok: $tarball"
