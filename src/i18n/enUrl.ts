// Why a URL key's value is refused (client/url/): the phrase after `URL key "x" = "y"` in a notice
// (notice.urlBad). Part of the reference table (en.ts spreads it in); the protocol's own validators' messages
// (protocol/text.ts) fill the same place when a combination of keys is refused.
export const EN_URL = {
  'url.oneOf': 'is not one of {list}',
  'url.int': 'must be an integer from {min} to {max}',
  'url.evenInt': 'must be an even integer from {min} to {max}',
  'url.number': 'must be a number from {min} to {max}',
  'url.aboveAtMost': 'must be a number above {min} and at most {max}',
  'url.between01': 'must be a number between 0 and 1 (both excluded)',
  'url.finite': 'must be a finite number',
  'url.base': 'must be a number greater than 1 (and at most 1e12)',
  'url.seed': 'must be an integer within ±{max}',
  'url.flag': 'must be 1 or 0',
  'url.names': 'must be distinct names from {list}, comma-separated',
  'url.dims': 'must be up to 16 comma-separated dimensions below d = {d}',
  'url.ranges': 'must be ascending rows or ranges (like 0-3,7) below {max:n}',
  'url.tensor': 'must be a tensor name of 1 to 200 printable characters',
  'url.numbers': 'must be up to {max} comma-separated numbers above 0',
  'url.window': 'must be two positions A-B (inclusive), at most {max} rows',
  'url.model': 'is not a known model (one of {list})',
  'url.refused': 'is refused: {reason}',
  'url.firstRows': 'the first rows',
  'notice.window': '{reason} Showing the first rows instead.',
} satisfies Record<string, string>;
