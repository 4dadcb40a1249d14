// GloVe 6B 100-d word vectors (Pennington, Socher & Manning 2014), shipped as public/data/glove-100d.f16
// [20001, 100] with its own vocabulary glove-100d-vocab.txt: line i names row i, line 0 is [UNK] (the mean of the
// 20,000 most frequent words' vectors). GloVe 6B is lower-cased, so it pairs with the 'word' tokenizer run on
// this vocabulary. Pure JS, no tfjs.
import { Vocab, type FetchData } from '../tokenizers/tokenizer.ts';
import { fetchShipped, loadShippedTable, type ShippedSource, type ShippedTable } from './shipped.ts';

export const GLOVE_VOCAB_FILE = 'glove-100d-vocab.txt';

/** The vocabulary of the table: piece i ↔ row i, checked line by line against the file. */
export async function loadGloveVocab(fetchData: FetchData): Promise<Vocab> {
  const text = new TextDecoder().decode(await fetchShipped(fetchData, GLOVE_VOCAB_FILE));
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines[0] !== Vocab.UNK)
    throw new Error(`${GLOVE_VOCAB_FILE}: line 0 is ${lines[0]}, expected ${Vocab.UNK}`);
  const vocab = new Vocab(lines.slice(1));
  const shifted = lines.findIndex((w, i) => vocab.pieces[i] !== w);
  if (shifted >= 0)
    throw new Error(`${GLOVE_VOCAB_FILE}: line ${shifted} (${lines[shifted]}) repeats a word`);
  return vocab;
}

const FILE = 'glove-100d.f16';
const ROWS = 20_001;
const DIM = 100;

export const glove: ShippedSource<{ table: ShippedTable; vocab: Vocab }> & { lowerCase: true } = {
  name: 'glove-100d',
  dimension: DIM,
  rows: ROWS,
  tokenizer: 'word',
  lowerCase: true,
  file: FILE,
  async load(fetchData) {
    const [table, vocab] = await Promise.all([loadShippedTable(fetchData, FILE), loadGloveVocab(fetchData)]);
    if (table.rows !== ROWS || table.cols !== DIM || vocab.size !== ROWS) {
      throw new Error(
        `glove-100d: table [${table.rows}, ${table.cols}] and ${vocab.size} words, expected [${ROWS}, ${DIM}]`,
      );
    }
    return { table, vocab };
  },
};
