#!/usr/bin/env bash
# Runs the built `ntm` command (dist/cli.js, the package's bin) as a user would, and checks that
# the published package carries the command, the browser bundle and the JSON Schemas.
set -euo pipefail
cd "$(dirname "$0")/.."

ntm=./dist/cli.js
[ -x "$ntm" ] || { echo "dist/cli.js is missing or not executable"; exit 1; }
"$ntm" --version
"$ntm" sets >/dev/null
"$ntm" evaluate examples/dak-song-2023.xlsx --set dak-nong/commune-ntm/2022 --format csv >/dev/null
set +e
"$ntm" evaluate examples/missing.csv --set dak-nong/commune-ntm/2022 2>/dev/null
code=$?
set -e
[ "$code" -eq 2 ] || { echo "expected exit code 2 for a missing file, got $code"; exit 1; }
"$ntm" check rules/sets/dak-nong/1037-qd-ubnd-2022.json

files=$(npm pack --dry-run --json 2>/dev/null | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s)[0].files.map(f=>f.path).join('\n')))")
for f in dist/cli.js dist/browser/ntm-rules.js schemas/criterion-set.schema.json schemas/commune-input.schema.json; do
  grep -qx "$f" <<<"$files" || { echo "package lacks $f"; exit 1; }
done
echo "CLI smoke ok"
