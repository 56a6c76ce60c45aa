import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changed, keptUnder, whenChanged } from './caches.ts';

test('a change forgets the entry kept under its id in every cache that depends on it', () => {
  const actors = keptUnder<string>({ ttlMs: 5000, dependsOn: { account: 'key' } });
  const phones = keptUnder<string>({ ttlMs: 5000, dependsOn: { account: 'key' } });
  const devices = keptUnder<string>({ ttlMs: 5000, dependsOn: { 'kiosk-device': 'key' } });
  for (const kept of [actors, phones, devices]) {
    kept.set('a', 'A', 0);
    kept.set('b', 'B', 0);
  }
  changed('account', 'a');
  assert.equal(actors.get('a', 0), undefined);
  assert.equal(phones.get('a', 0), undefined);
  assert.equal(actors.get('b', 0), 'B', 'other entries stay');
  assert.equal(devices.get('a', 0), 'A', 'caches of other things stay');
  changed('account');
  assert.equal(actors.get('b', 0), undefined, 'a change naming no id forgets all');
});

test('a cache may choose what a change makes stale, or forget everything', () => {
  const byDevice = keptUnder<{ device: string }>({
    ttlMs: 5000,
    dependsOn: {
      'kiosk-device': (kept, device) => {
        for (const [key, value] of kept.entries()) if (value.device === device) kept.delete(key);
      },
      implementation: 'all',
    },
  });
  byDevice.set('s1', { device: 'd1' }, 0);
  byDevice.set('s2', { device: 'd2' }, 0);
  changed('kiosk-device', 'd1');
  assert.deepEqual(
    [...byDevice.entries()].map(([key]) => key),
    ['s2'],
  );
  changed('implementation', 'any');
  assert.deepEqual([...byDevice.entries()], []);
});

test('a registered reaction runs until it is unregistered', () => {
  const seen: (string | undefined)[] = [];
  const stop = whenChanged('calendar', (id) => seen.push(id));
  changed('calendar');
  stop();
  changed('calendar');
  assert.deepEqual(seen, [undefined]);
});
