import net from 'node:net';

/** A TCP port on 127.0.0.1 that was free a moment ago (taken from the system and released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A PostgreSQL address on 127.0.0.1 where nothing listens. */
export async function closedAddress(): Promise<string> {
  return `postgres://postgres@127.0.0.1:${await freePort()}/test`;
}
