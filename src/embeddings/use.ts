// Universal Sentence Encoder lite (Cer et al. 2018) token embeddings: the model's `module/Embeddings_en` table,
// shipped as public/data/use-lite.f16 [8002, 256]. Row i is the embedding of sentence-piece id i of the 'use'
// tokenizer (8000 pieces; rows 8000–8001 have no piece). Pure JS, no tfjs.
import { loadShippedTable, type ShippedSource } from './shipped.ts';

const FILE = 'use-lite.f16';
const ROWS = 8002;
const DIM = 256;

export const useLite: ShippedSource = {
  name: 'use-lite',
  dimension: DIM,
  rows: ROWS,
  tokenizer: 'use',
  file: FILE,
  async load(fetchData) {
    const table = await loadShippedTable(fetchData, FILE);
    if (table.rows !== ROWS || table.cols !== DIM) {
      throw new Error(`use-lite: table [${table.rows}, ${table.cols}], expected [${ROWS}, ${DIM}]`);
    }
    return { table };
  },
};
