import type { Browser } from '../accounts/testing.ts';

/** A request by `who` that must answer `status` (200 unless told); its JSON body. */
export async function ok(
  who: Pick<Browser, 'request'>,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  status = 200,
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are read freely
): Promise<any> {
  const res = await who.request({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  if (res.statusCode !== status) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
