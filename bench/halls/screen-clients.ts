import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * A worker thread holding `count` screens (plain HTTP Server-Sent Event clients) on `url`. For each
 * call a screen receives it records the time (ms since the epoch, sub-millisecond): by ticket code
 * (the real server), or the delay since the `sentAt` the message carries (the floor).
 * Messages: → { ready } once every screen is connected; ← 'finish' → { received | delays, drops }.
 */
const { url, count, floor } = workerData as { url: string; count: number; floor: boolean };
const now = () => performance.timeOrigin + performance.now();
const CALL = /"kind":"called","code":"([^"]+)"/;
const SENT = /"sentAt":([\d.]+)/;

/** Per code, the times screens received its call (the real server). */
const received = new Map<string, number[]>();
/** Delays, ms (the floor). */
const delays: number[] = [];
let drops = 0;
const requests: http.ClientRequest[] = [];

function open(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(url);
    requests.push(request);
    request.once('error', reject);
    request.once('response', (response) => {
      if (response.statusCode !== 200) reject(new Error(`stream answered ${response.statusCode}`));
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        const at = now();
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          const code = CALL.exec(frame)?.[1];
          if (!code) continue;
          if (floor) delays.push(at - Number(SENT.exec(frame)?.[1]));
          else {
            const times = received.get(code);
            if (times) times.push(at);
            else received.set(code, [at]);
          }
        }
      });
      response.once('close', () => {
        drops += 1;
      });
      resolve();
    });
  });
}

for (let i = 0; i < count; i += 25) await Promise.all(Array.from({ length: Math.min(25, count - i) }, open));
parentPort!.postMessage({ ready: true });
parentPort!.on('message', (message) => {
  if (message !== 'finish') return;
  const closing = drops;
  for (const r of requests) r.destroy();
  parentPort!.postMessage({ received: floor ? null : received, delays, drops: closing });
});
