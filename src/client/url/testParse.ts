// Test helper: parseHash with its notices rendered in the parsed view's language, as the notice bar shows them
// (the notices themselves are messages; the tests read the sentences a person reads).
import { say } from '../../i18n/t.ts';
import { parseHash } from '../urlState.ts';

export function parseShown(hash: string) {
  const { view, notices } = parseHash(hash);
  return { view, notices: notices.map((n) => say(view.lang, n)) };
}
