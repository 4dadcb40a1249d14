// A parser for the small Python literal subset that .npy headers are written in (no eval):
// dicts with string keys, tuples and lists, 'single' or "double" quoted strings, integers (an old trailing L
// is allowed), True, False and None. Dicts become Maps, tuples and lists become arrays.
// Errors are thrown as PyLiteralError with the 0-based character position.

export type PyValue = string | number | boolean | null | PyValue[] | Map<string, PyValue>;

export class PyLiteralError extends Error {}

const MAX_DEPTH = 32;

export function parsePyLiteral(text: string): PyValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new PyLiteralError(`${what} at character ${i}`);
  };
  const skip = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const expect = (c: string) => {
    skip();
    if (text[i] !== c) fail(`expected '${c}'`);
    i++;
  };

  function string(): string {
    const quote = text[i++];
    let out = '';
    while (i < text.length && text[i] !== quote) {
      if (text[i] === '\\') {
        const c = text[++i];
        const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
        if (c === undefined || !(c in esc)) fail('unsupported escape in a string');
        out += esc[c];
        i++;
      } else out += text[i++];
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    return out;
  }

  function sequence(close: string, depth: number): PyValue[] {
    const items: PyValue[] = [];
    for (;;) {
      skip();
      if (text[i] === close) break;
      items.push(value(depth));
      skip();
      if (text[i] === ',') i++;
      else if (text[i] !== close) fail(`expected ',' or '${close}'`);
    }
    i++;
    return items;
  }

  function dict(depth: number): Map<string, PyValue> {
    const out = new Map<string, PyValue>();
    for (;;) {
      skip();
      if (text[i] === '}') break;
      const key = value(depth);
      if (typeof key !== 'string') fail('dict key is not a string');
      expect(':');
      out.set(key as string, value(depth));
      skip();
      if (text[i] === ',') i++;
      else if (text[i] !== '}') fail("expected ',' or '}'");
    }
    i++;
    return out;
  }

  function value(depth: number): PyValue {
    skip();
    if (depth > MAX_DEPTH) fail('nesting too deep');
    const c = text[i];
    if (c === undefined) return fail('unexpected end of text');
    if (c === "'" || c === '"') return string();
    if (c === '{' || c === '(' || c === '[') {
      i++;
      return c === '{' ? dict(depth + 1) : sequence(c === '(' ? ')' : ']', depth + 1);
    }
    const word = /^(?:True|False|None|-?\d+L?)/.exec(text.slice(i, i + 40))?.[0];
    if (word === undefined) return fail(`unexpected '${c}'`);
    i += word.length;
    if (word === 'True' || word === 'False') return word === 'True';
    if (word === 'None') return null;
    const n = Number(word.replace('L', ''));
    if (!Number.isSafeInteger(n)) fail(`integer ${word} too large`);
    return n;
  }

  const result = value(0);
  skip();
  if (i < text.length) fail('unexpected text after the value');
  return result;
}
