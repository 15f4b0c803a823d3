/**
 * Small linear-time text scans for the importers. CreativityBench descriptions can be megabytes long, and
 * regular expressions such as `/[\s.;,]+$/` or a lazy name before `\s*:` retry from every start position of
 * a long run — quadratic time (a 100 k-character description took about a minute). These helpers do the same
 * jobs in one pass each. Pure: no I/O.
 */

/** Whether the UTF-16 unit at `i` is JavaScript whitespace (what `\s` matches). */
export function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 128) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `text` without trailing characters from `chars` (and whitespace when `spaces`): `/[chars\s]+$/` in one pass. */
export function trimTrailing(text: string, chars: string, spaces = false): string {
  let end = text.length;
  while (end > 0 && (chars.includes(text[end - 1]!) || (spaces && isSpaceAt(text, end - 1)))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** The index after skipping whitespace backwards from `end` (exclusive), never below `floor`. */
export function skipSpaceBack(text: string, end: number, floor = 0): number {
  let i = end;
  while (i > floor && isSpaceAt(text, i - 1)) i--;
  return i;
}

/** The index after skipping whitespace forwards from `start`. */
export function skipSpace(text: string, start: number): number {
  let i = start;
  while (i < text.length && isSpaceAt(text, i)) i++;
  return i;
}
