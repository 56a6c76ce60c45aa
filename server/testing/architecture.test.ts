import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cruiseServer, graphText, moduleGraph } from '../../scripts/deps.ts';

test('ARCHITECTURE.md shows the module graph as the dependency check sees it', () => {
  const text = readFileSync(new URL('../../ARCHITECTURE.md', import.meta.url), 'utf8');
  const shown = /<!-- deps:graph -->\n```\n([\s\S]*?)\n```\n<!-- \/deps:graph -->/.exec(text)?.[1];
  assert.ok(shown, 'ARCHITECTURE.md has a deps:graph block');
  assert.equal(shown, graphText(moduleGraph(cruiseServer())), 'paste the output of npm run deps:graph');
});
