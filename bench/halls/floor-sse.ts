import http from 'node:http';

/**
 * The floor under the hall stream: a bare node:http Server-Sent Events server that fans the same
 * traffic out to every client from a timer in the process (no database, no framework): `WINDOWS`
 * windows each call one ticket a second and mark it done, each event a frame of the screen's size
 * carrying the time it was sent (`sentAt`, ms since the epoch).
 * Env: PORT, WINDOWS (20). Answers GET /health; GET /stream is the stream.
 */
const windows = Number(process.env.WINDOWS ?? 20);
const clients = new Set<http.ServerResponse>();
const waiting = ['A', 'B', 'C', 'D', 'E', 'Z'].map((letter, i) => ({
  categoryId: `00000000-0000-4000-8000-00000000000${i}`,
  letter,
  name: '综合受理',
  count: 100,
}));
const windowsOpen = Array.from({ length: windows }, (_, i) => String(i + 1).padStart(2, '0'));
let eventId = 0;
let number = 0;

function send(kind: 'called' | 'done', code: string, windowNumber: string) {
  eventId += 1;
  const message = {
    eventId,
    kind,
    code,
    windowNumber,
    categoryId: waiting[5]!.categoryId,
    at: new Date().toISOString(),
    waiting,
    windowsOpen,
    sentAt: performance.timeOrigin + performance.now(),
  };
  const frame = `id: ${eventId}\ndata: ${JSON.stringify(message)}\n\n`;
  for (const client of clients) client.write(frame);
}

const server = http.createServer((request, response) => {
  if (request.url === '/health') {
    response.end('ok');
    return;
  }
  if (request.url !== '/stream') {
    response.statusCode = 404;
    response.end();
    return;
  }
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.write('retry: 3000\n\n');
  clients.add(response);
  response.on('close', () => clients.delete(response));
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  for (let w = 0; w < windows; w++) {
    const windowNumber = windowsOpen[w]!;
    setTimeout(
      () =>
        setInterval(() => {
          number += 1;
          const code = `Z${String(number).padStart(5, '0')}`;
          send('called', code, windowNumber);
          send('done', code, windowNumber);
        }, 1000),
      (w * 1000) / windows,
    );
  }
  setInterval(() => {
    for (const client of clients) client.write(': ping\n\n');
  }, 15_000);
});
process.on('SIGTERM', () => {
  for (const client of clients) client.end();
  server.close(() => process.exit(0));
});
