import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { APP_PACKAGE_DIR, checkIcons } from '../../scripts/package';
import { renderColorIcon, renderOutlineIcon } from '../../scripts/icons';

function committed(name: string): Buffer {
  return readFileSync(join(APP_PACKAGE_DIR, name));
}

describe('the app icons', () => {
  it('pass the package checks (sizes, outline white on transparent)', () => {
    assert.deepEqual(checkIcons({ color: committed('color.png'), outline: committed('outline.png') }), []);
  });

  it('are exactly what scripts/icons.ts draws, so they can be rebuilt', () => {
    assert.ok(PNG.sync.read(committed('color.png')).data.equals(renderColorIcon().data), 'color.png differs: run npx tsx scripts/icons.ts');
    assert.ok(PNG.sync.read(committed('outline.png')).data.equals(renderOutlineIcon().data), 'outline.png differs: run npx tsx scripts/icons.ts');
  });
});
