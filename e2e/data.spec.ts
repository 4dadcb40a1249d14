// Issue 4: real tokenizers, shipped embedding tables, and a user's checkpoint — all offline.
import { writeSafetensors } from '../src/checkpoints/safetensors.ts';
import { expect, parseCsv, test } from './fixtures.ts';

/** Token ids of the text, read from the token CSV. */
async function ids(app: import('./fixtures.ts').Explorer): Promise<number[]> {
  const { text } = await app.exportCsv('Tokens');
  return parseCsv(text)
    .slice(1)
    .map((r) => Number(r[1]));
}

// Published ids: GPT-2 and cl100k from tiktoken's documentation, BERT from the issue (bert-base-uncased).
const PUBLISHED: Array<{ tokenizer: string; text: string; ids: number[] }> = [
  { tokenizer: 'gpt2', text: 'hello world', ids: [31373, 995] },
  { tokenizer: 'cl100k', text: 'hello world', ids: [15339, 1917] },
  { tokenizer: 'bert', text: 'I like strawberries', ids: [101, 1045, 2066, 13137, 20968, 102] },
  // Hugging Face's Rust tokenizers on the shipped tokenizer.json files (scripts/tokenizer-reference.mjs)
  { tokenizer: 'llama3', text: 'Hello world', ids: [9906, 1917] },
  { tokenizer: 'qwen3', text: 'Hello world', ids: [9707, 1879] },
  { tokenizer: 'gemma3', text: 'Hello world', ids: [2, 9259, 1902] },
  { tokenizer: 'gemma3&special=0', text: 'Hello world', ids: [9259, 1902] },
  { tokenizer: 'deepseek-v3', text: 'Hello world', ids: [19923, 2058] },
];

for (const { tokenizer, text, ids: expected } of PUBLISHED) {
  test(`tokenizer=${tokenizer} gives the published ids for "${text}"`, async ({ app }) => {
    await app.open(`tokenizer=${tokenizer}&text=${encodeURIComponent(text)}`);
    await expect(app.page.getByTestId('token-count')).toContainText(`${expected.length} tokens`, {
      timeout: 60_000,
    });
    expect(await ids(app)).toEqual(expected);
  });
}

test('GPT-2 pieces show the leading-space marker Ġ and byte spans; o200k and use tokenise too', async ({
  app,
}) => {
  await app.open('tokenizer=gpt2&text=' + encodeURIComponent('hi there 👋'));
  const strip = app.page.getByRole('list', { name: 'token strip' });
  await expect(strip).toContainText('Ġthere', { timeout: 60_000 });
  const { text } = await app.exportCsv('Tokens');
  const rows = parseCsv(text).slice(1);
  // the emoji is 4 UTF-8 bytes at the end of an 13-byte text: the last piece ends at byte 13
  expect(Number(rows[rows.length - 1][6])).toBe(13);
  for (const tokenizer of ['o200k', 'use']) {
    await app.field('Tokenizer').selectOption(tokenizer);
    await expect(app.page).toHaveURL(new RegExp(`tokenizer=${tokenizer}`));
    await expect(app.region('Token embeddings').locator('.shape')).toHaveText(/^\[[1-9]\d* × 64\]$/, {
      timeout: 60_000,
    });
  }
});

test('embedding=glove-100d gives 100-wide real vectors, and "red" has yellow, blue and green as neighbours', async ({
  app,
}) => {
  await app.open('embedding=glove-100d&tokenizer=word&d=100&text=' + encodeURIComponent('red car'));
  await app.waitForShape('Token embeddings', 2, 100);
  await app.page.getByRole('button', { name: /^red id/ }).click();
  await app.tab('Data'); // the token strip is in the top band; the neighbours panel on the Data tab
  const list = app.page.getByRole('list', { name: 'nearest neighbours of red' });
  await expect(list).toBeVisible({ timeout: 30_000 });
  for (const w of ['yellow', 'blue', 'green']) await expect(list).toContainText(w);
});

test('embedding=use-lite pairs with its SentencePiece vocabulary; "▁three" has ▁four and ▁two nearby', async ({
  app,
}) => {
  await app.open('embedding=use-lite&tokenizer=use&d=256&text=three');
  await app.waitForShape('Token embeddings', 1, 256);
  await app.page.getByRole('button', { name: /^▁three id/ }).click();
  await app.tab('Data');
  const list = app.page.getByRole('list', { name: 'nearest neighbours of ▁three' });
  await expect(list).toBeVisible({ timeout: 30_000 });
  await expect(list).toContainText('▁four');
  await expect(list).toContainText('▁two');
});

/** A small GPT-2-shaped checkpoint: wte [50257, 8] and wpe [16, 8] with values that name their place. */
function gpt2Like(): {
  bytes: Uint8Array;
  wte: (id: number, j: number) => number;
  wpe: (p: number, j: number) => number;
} {
  const d = 8;
  const wte = (id: number, j: number) => Math.fround(((id % 97) - 48) / 16 + j / 64);
  const wpe = (p: number, j: number) => Math.fround(Math.sin(p + j) / 2);
  const V = 50257;
  const W = new Float32Array(V * d);
  for (let i = 0; i < V; i++) for (let j = 0; j < d; j++) W[i * d + j] = wte(i, j);
  const P = new Float32Array(16 * d);
  for (let p = 0; p < 16; p++) for (let j = 0; j < d; j++) P[p * d + j] = wpe(p, j);
  const bytes = writeSafetensors([
    { name: 'wte.weight', shape: [V, d], data: W },
    { name: 'wpe.weight', shape: [16, d], data: P },
  ]);
  return { bytes, wte, wpe };
}

test('a dropped GPT-2-style safetensors file becomes the token table and the learned position table', async ({
  app,
}) => {
  await app.open('tab=data&text=' + encodeURIComponent('hello world'));
  const { bytes, wte, wpe } = gpt2Like();
  await app.page.getByLabel('Load checkpoint').setInputFiles({
    name: 'tiny-gpt2.safetensors',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(bytes),
  });
  const ckpt = app.region('Checkpoint');
  await expect(ckpt).toContainText('tiny-gpt2.safetensors', { timeout: 30_000 });
  await expect(app.field('Token table')).toHaveValue('wte.weight');
  await expect(app.field('Position table')).toHaveValue('wpe.weight');
  await expect(app.field('Tokenizer')).toHaveValue('gpt2');
  await app.tab('Explore');
  await app.waitForShape('Token embeddings', 2, 8);

  // the position table view is the file's wpe, value for value (a lab view)
  await app.tab('Lab');
  await app.waitForShape('Positional encoding table', 16, 8);
  const pe = parseCsv((await app.exportCsv('Positional encoding table')).text).slice(1);
  // the CSV's 9 significant digits name the float32 exactly
  for (let p = 0; p < 16; p++)
    for (let j = 0; j < 8; j++) expect(Math.fround(Number(pe[p][j + 1]))).toBe(wpe(p, j));

  // the token embeddings are the file's rows for GPT-2's ids of "hello world" (31373, 995)
  await app.tab('Explore');
  const E = parseCsv((await app.exportCsv('Token embeddings')).text).slice(1);
  [31373, 995].forEach((id, r) => {
    for (let j = 0; j < 8; j++) expect(Math.fround(Number(E[r][j + 1]))).toBe(wte(id, j));
  });
  await expect(app.text).toHaveValue('hello world');
});

test('two safetensors shards dropped with their model.safetensors.index.json open as one checkpoint', async ({
  app,
}) => {
  await app.open('tab=data&text=' + encodeURIComponent('hello world'));
  const d = 8;
  const { wte, wpe } = gpt2Like();
  const V = 50257;
  const W = Float32Array.from({ length: V * d }, (_, i) => wte(Math.floor(i / d), i % d));
  const P = Float32Array.from({ length: 16 * d }, (_, i) => wpe(Math.floor(i / d), i % d));
  const S1 = 'model-00001-of-00002.safetensors';
  const S2 = 'model-00002-of-00002.safetensors';
  const index = {
    metadata: { total_size: 4 * (W.length + P.length) },
    weight_map: { 'wte.weight': S1, 'wpe.weight': S2 },
  };
  const files = [
    { name: 'model.safetensors.index.json', bytes: new TextEncoder().encode(JSON.stringify(index)) },
    { name: S1, bytes: writeSafetensors([{ name: 'wte.weight', shape: [V, d], data: W }]) },
    { name: S2, bytes: writeSafetensors([{ name: 'wpe.weight', shape: [16, d], data: P }]) },
  ].map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') }));
  // a real drop: a DataTransfer holding the three files, dropped on the page
  const transfer = await app.page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list)
      dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, files);
  await app.page.dispatchEvent('body', 'drop', { dataTransfer: transfer });

  const ckpt = app.region('Checkpoint');
  await expect(ckpt).toContainText('model.safetensors.index.json + 2 shards', { timeout: 30_000 });
  const list = ckpt.getByRole('table', { name: 'tensors in the checkpoint' });
  await expect(list.getByRole('row', { name: /wte\.weight/ })).toContainText(S1);
  await expect(list.getByRole('row', { name: /wpe\.weight/ })).toContainText(S2);
  await expect(app.field('Token table')).toHaveValue('wte.weight');
  await expect(app.field('Position table')).toHaveValue('wpe.weight');
  await app.tab('Explore');
  await app.waitForShape('Token embeddings', 2, d);
  // each table is read from its own shard: GPT-2's ids of "hello world" (31373, 995) and positions 0…15
  const E = parseCsv((await app.exportCsv('Token embeddings')).text).slice(1);
  [31373, 995].forEach((id, r) => {
    for (let j = 0; j < d; j++) expect(Math.fround(Number(E[r][j + 1]))).toBe(wte(id, j));
  });
  await app.tab('Lab');
  await app.waitForShape('Positional encoding table', 16, d);
  const pe = parseCsv((await app.exportCsv('Positional encoding table')).text).slice(1);
  for (let p = 0; p < 16; p++)
    for (let j = 0; j < d; j++) expect(Math.fround(Number(pe[p][j + 1]))).toBe(wpe(p, j));
});

test('a broken checkpoint shows a clear error and loses nothing', async ({ app }) => {
  await app.open('tab=data&text=' + encodeURIComponent('keep this text'));
  const { bytes } = gpt2Like();
  await app.page.getByLabel('Load checkpoint').setInputFiles({
    name: 'cut.safetensors',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(bytes.subarray(0, 1000)),
  });
  await expect(app.region('Checkpoint').getByRole('alert')).toContainText('cut.safetensors', {
    timeout: 30_000,
  });
  await expect(app.text).toHaveValue('keep this text');
  await app.tab('Explore');
  await app.waitForShape('Token embeddings', 3, 64);
});

test('the quantise toggle reports f16 and int8 round-trip errors within their bounds', async ({ app }) => {
  await app.open('tab=data&text=' + encodeURIComponent('the cat'));
  const region = app.region('Size and quantisation');
  await expect(region).toContainText('token table');
  await region.getByRole('checkbox').check();
  await expect(region.getByTestId('int8-max')).toBeVisible({ timeout: 30_000 });
  // N(0, 1) entries: f16 keeps 11 significant bits, so |error| ≤ 2^-11 · |x| ≤ 2^-11 · max|x| (< 6 here);
  // per-row int8 rounds to a step of max|row| / 127, so |error| ≤ max|row| / 254.
  const f16 = Number(await region.getByTestId('f16-max').textContent());
  const int8 = Number(await region.getByTestId('int8-max').textContent());
  expect(f16).toBeGreaterThan(0);
  expect(f16).toBeLessThan(6 * 2 ** -11);
  expect(int8).toBeGreaterThan(f16);
  expect(int8).toBeLessThan(6 / 254);
});
