import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cmdletReference } from '../../app/cmdlet-reference.js';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/cmdlet-reference.md');

describe('docs/cmdlet-reference.md', function () {
  this.timeout(120_000);
  it('is what the cmdlets\' metadata generates (regenerate: node dist/app/cmdlet-reference.js > docs/cmdlet-reference.md)', async () => {
    const generated = await cmdletReference();
    expect(generated).to.contain('### Start-ADSyncSyncCycle');
    expect(fs.readFileSync(file, 'utf8')).to.equal(generated);
  });
});
