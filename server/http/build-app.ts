import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { APP_DIST } from './app.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCES = ['app', 'common'];

function newestSourceMtime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.endsWith('.test.ts')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of SOURCES) walk(path.join(ROOT, dir));
  return newest;
}

/** Builds the web app when it is missing or older than its sources. */
export async function ensureAppBuilt(log: (m: string) => void): Promise<void> {
  const index = path.join(APP_DIST, 'index.html');
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestSourceMtime()) return;
  log('building the web app…');
  const started = Date.now();
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'app/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('the web app build failed (see the output above)');
  log(`built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
