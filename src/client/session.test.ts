// Session files: the saved state comes back exactly, and anything else is refused with a specific message.
import { describe, expect, test } from 'vitest';
import { DEFAULT_SPEC } from '../protocol/specs.ts';
import { DEFAULT_VIEW, type ViewState } from './urlState.ts';
import { parseSession, sessionJson } from './session.ts';

const view: ViewState = {
  ...DEFAULT_VIEW,
  spec: { ...DEFAULT_SPEC, text: 'a "quoted" text,\nwith a newline', pe: 'rope', d: 128 },
  proj: { ...DEFAULT_VIEW.proj, source: 'tokens', method: 'umap' },
  lesson: 4,
  theme: 'dark',
};

describe('session files', () => {
  test('a saved session opens to the same view, with no notices', () => {
    const text = sessionJson(view, new Date('2026-11-24T00:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({
      app: 'embedscope',
      version: 1,
      savedAt: '2026-11-24T00:00:00.000Z',
    });
    expect(parseSession(text)).toEqual({ view, notices: [] });
  });

  test.each([
    ['not json', 'not valid JSON'],
    ['[1, 2]', 'expected a JSON object'],
    ['{"app": "other", "version": 1, "hash": "#"}', 'not an Embedscope session file'],
    ['{"app": "embedscope", "version": 2, "hash": "#"}', 'has version 2; this app reads version 1'],
    ['{"app": "embedscope", "version": 1, "hash": 42}', 'has no state'],
  ])('%s is refused: %s', (text, message) => {
    expect(() => parseSession(text)).toThrow(message);
  });

  test('bad values inside a session fall back with notices, like a bad link', () => {
    const text = JSON.stringify({ app: 'embedscope', version: 1, hash: '#d=7&pe=nope' });
    const { view: v, notices } = parseSession(text);
    expect(v.spec.d).toBe(DEFAULT_SPEC.d);
    expect(v.spec.pe).toBe(DEFAULT_SPEC.pe);
    expect(notices).toHaveLength(2);
  });
});

describe('session errors in Chinese', () => {
  test('a file that is not JSON is refused in the interface language', () => {
    expect(() => parseSession('{', 'zh')).toThrow('这不是会话文件：它不是有效的 JSON。');
    expect(() => parseSession('{', 'en')).toThrow('This is not a session file: it is not valid JSON.');
  });
});
