/** Writes docs/cli.md and docs/cli.vi.md, the `ntm` command reference in English and Vietnamese, from the commands' help texts. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cliReference } from '../src/cli/reference.js';

writeFileSync(fileURLToPath(new URL('../docs/cli.md', import.meta.url)), cliReference('en'));
writeFileSync(fileURLToPath(new URL('../docs/cli.vi.md', import.meta.url)), cliReference('vi'));
console.log('docs/cli.md, docs/cli.vi.md');
