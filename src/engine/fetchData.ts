// The worker's FetchData: reads public/data/<file> from the app's own origin (never another host), streaming the
// body so a progress message goes out every ~1 MB. Files are cached for the life of the worker.
import type { FromEngine } from '../protocol/messages.ts';
import type { FetchData } from '../tokenizers/tokenizer.ts';
import { MsgError, msg } from '../protocol/msg.ts';

export function workerFetchData(post: (msg: FromEngine) => void): FetchData {
  const cache = new Map<string, Promise<Uint8Array>>();
  const load = async (file: string): Promise<Uint8Array> => {
    if (!/^[\w.-]+$/.test(file)) throw new Error(`bad data file name: ${file}`);
    const url = new URL(`data/${file}`, new URL(import.meta.env.BASE_URL, self.location.origin + '/'));
    if (url.origin !== self.location.origin)
      throw new Error(`refusing to fetch ${url.href}: not this origin`);
    let res: Response;
    try {
      res = await fetch(url);
    } catch (err) {
      throw new MsgError(
        msg('err.loadFile', { file, why: err instanceof Error ? err.message : String(err) }),
      );
    }
    if (!res.ok)
      throw new MsgError(
        msg('err.loadFile', {
          file,
          why: msg('err.serverAnswered', { status: res.status, statusText: res.statusText }),
        }),
      );
    const total = Number(res.headers.get('content-length')) || null;
    const task = msg('task.loading', { file });
    if (!res.body) return new Uint8Array(await res.arrayBuffer());
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let done = 0;
    let reported = 0;
    post({ type: 'progress', task, done: 0, total });
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      chunks.push(r.value);
      done += r.value.byteLength;
      if (done - reported >= 1 << 20) {
        reported = done;
        post({ type: 'progress', task, done, total });
      }
    }
    post({ type: 'progress', task, done, total: done });
    const out = new Uint8Array(done);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  };
  return (file) => {
    let p = cache.get(file);
    if (!p) {
      p = load(file);
      cache.set(file, p);
      p.catch(() => cache.delete(file)); // a failed load can be retried
    }
    return p;
  };
}
