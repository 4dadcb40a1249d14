/**
 * UTF-8 length of a JS string as TextEncoder would encode it (lone surrogates become U+FFFD, 3 bytes), without
 * allocating the encoding: the token strip shows it on every render, and a 1 MB paste must not cost 1 MB each time.
 */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
