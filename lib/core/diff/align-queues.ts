import type { PlaybackItem } from '../../contract/items';

/** Which items of two queues have no partner once they are aligned on URIs. */
export interface QueueAlignment {
  /** Indices into `before` (from `from` on) left unaligned, ascending. */
  removed: number[];
  /** Indices into `after` left unaligned, ascending. */
  added: number[];
  /** Index into `before` of the last aligned item, or `from - 1` when none is. */
  lastAlignedBefore: number;
  /** Index into `after` of the last aligned item, or -1 when none is. */
  lastAlignedAfter: number;
}

/**
 * Aligns `before[from..]` with `after` by a longest common subsequence of URIs, so an insertion or removal in
 * the middle shifts nothing else. The common prefix and suffix (usually almost everything) are peeled off first;
 * only the middle gets the O(n·m) table.
 */
export function alignQueues(
  before: readonly PlaybackItem[],
  from: number,
  after: readonly PlaybackItem[],
): QueueAlignment {
  const beforeLength = before.length - from;
  const afterLength = after.length;
  let prefix = 0;
  while (prefix < beforeLength && prefix < afterLength && before[from + prefix]!.uri === after[prefix]!.uri) {
    prefix += 1;
  }
  let beforeEnd = beforeLength;
  let afterEnd = afterLength;
  while (
    beforeEnd > prefix &&
    afterEnd > prefix &&
    before[from + beforeEnd - 1]!.uri === after[afterEnd - 1]!.uri
  ) {
    beforeEnd -= 1;
    afterEnd -= 1;
  }
  const alignment: QueueAlignment = {
    removed: [],
    added: [],
    lastAlignedBefore: from + prefix - 1,
    lastAlignedAfter: prefix - 1,
  };
  alignMiddle(before, from, after, prefix, beforeEnd, afterEnd, alignment);
  if (beforeEnd < beforeLength) {
    alignment.lastAlignedBefore = before.length - 1;
    alignment.lastAlignedAfter = afterLength - 1;
  }
  return alignment;
}

/** The LCS of `before[from + start, from + beforeEnd)` and `after[start, afterEnd)`, recorded into `alignment`. */
function alignMiddle(
  before: readonly PlaybackItem[],
  from: number,
  after: readonly PlaybackItem[],
  start: number,
  beforeEnd: number,
  afterEnd: number,
  alignment: QueueAlignment,
): void {
  const rows = beforeEnd - start;
  const columns = afterEnd - start;
  const width = columns + 1;
  const same = (row: number, column: number): boolean =>
    before[from + start + row]!.uri === after[start + column]!.uri;
  // suffixLcs[row * width + column]: LCS length of the rows from `row` on and the columns from `column` on.
  const suffixLcs = new Uint16Array((rows + 1) * width);
  for (let row = rows - 1; row >= 0; row -= 1) {
    for (let column = columns - 1; column >= 0; column -= 1) {
      suffixLcs[row * width + column] = same(row, column)
        ? suffixLcs[(row + 1) * width + column + 1]! + 1
        : Math.max(suffixLcs[(row + 1) * width + column]!, suffixLcs[row * width + column + 1]!);
    }
  }
  let row = 0;
  let column = 0;
  while (row < rows && column < columns) {
    if (same(row, column)) {
      alignment.lastAlignedBefore = from + start + row;
      alignment.lastAlignedAfter = start + column;
      row += 1;
      column += 1;
    } else if (suffixLcs[(row + 1) * width + column]! >= suffixLcs[row * width + column + 1]!) {
      alignment.removed.push(from + start + row);
      row += 1;
    } else {
      alignment.added.push(start + column);
      column += 1;
    }
  }
  for (; row < rows; row += 1) alignment.removed.push(from + start + row);
  for (; column < columns; column += 1) alignment.added.push(start + column);
}
