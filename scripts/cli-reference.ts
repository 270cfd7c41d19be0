/** Writes docs/cli.md, the `ntm` command reference, from the commands' help texts. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cliReference } from '../src/cli/reference.js';

writeFileSync(fileURLToPath(new URL('../docs/cli.md', import.meta.url)), cliReference());
console.log('docs/cli.md');
