// The generic worker client against a fake Worker (an EventTarget that records what it is sent): current
// messages pass, stale ones are dropped, and a crash, an unreadable message or a fatal message each end the old
// worker, start one fresh worker and report the reason before anything else happens.
import { describe, expect, test } from 'vitest';
import { WorkerClient } from './workerClient.ts';
import { say } from '../i18n/t.ts';
import { msg, type Msg } from '../protocol/msg.ts';

type To = { type: 'run'; runId: number };
type From = { type: 'done'; runId: number } | { type: 'lost'; message: Msg };

class FakeWorker extends EventTarget {
  sent: unknown[] = [];
  terminated = false;
  postMessage(msg: unknown): void {
    this.sent.push(msg);
  }
  terminate(): void {
    this.terminated = true;
  }
  deliver(data: From): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const got: From[] = [];
  const restarts: string[] = [];
  let runId = 1;
  const client = new WorkerClient<To, From>({
    label: 'test',
    spawn: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    current: (msg) => !('runId' in msg) || msg.runId === runId,
    fatal: (m) => (m.type === 'lost' ? m.message : null),
    message: (msg) => got.push(msg),
    restarted: (reason) => {
      restarts.push(say('en', reason));
      runId += 1;
    },
  });
  return { client, workers, got, restarts, runId: () => runId };
}

test('a message of the current run is delivered and one of an older run is dropped', () => {
  const { workers, got } = setup();
  workers[0].deliver({ type: 'done', runId: 0 });
  workers[0].deliver({ type: 'done', runId: 1 });
  expect(got).toEqual([{ type: 'done', runId: 1 }]);
});

test('send posts to the live worker', () => {
  const { client, workers } = setup();
  client.send({ type: 'run', runId: 1 });
  expect(workers[0].sent).toEqual([{ type: 'run', runId: 1 }]);
});

describe('a dead worker is replaced by exactly one fresh worker, with the reason', () => {
  test('an uncaught error in the worker', () => {
    const { workers, restarts } = setup();
    const e = new Event('error', { cancelable: true });
    Object.assign(e, { message: '' });
    workers[0].dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    expect(workers.length).toBe(2);
    expect(workers[0].terminated).toBe(true);
    expect(workers[1].terminated).toBe(false);
    expect(restarts).toEqual(['the test worker crashed']);
  });

  test('a message that cannot be read', () => {
    const { workers, restarts } = setup();
    workers[0].dispatchEvent(new Event('messageerror'));
    expect(workers.length).toBe(2);
    expect(restarts).toEqual(['a message from the test worker could not be read']);
  });

  test('a fatal message, which is not delivered', () => {
    const { workers, restarts, got, client } = setup();
    workers[0].deliver({ type: 'lost', message: msg('err.deviceLost') });
    expect(got).toEqual([]);
    expect(restarts).toEqual(['GPU device lost']);
    client.send({ type: 'run', runId: 2 });
    expect(workers[1].sent).toEqual([{ type: 'run', runId: 2 }]);
    expect(workers[0].sent).toEqual([]);
  });
});

test('dispose ends the worker', () => {
  const { client, workers } = setup();
  client.dispose();
  expect(workers[0].terminated).toBe(true);
  expect(workers.length).toBe(1);
});
