/**
 * .NET's List<T>.Sort (ArraySortHelper's introspective sort), reproduced step for step: Sort-Object's
 * default (non -Stable) path uses it, and it is not stable, so which of several equal objects comes
 * first (and which one -Unique keeps) depends on exactly these swaps.
 */
export function introSort<T>(keys: T[], cmp: (a: T, b: T) => number): void {
  if (keys.length > 1) sortRange(keys, 0, keys.length, 2 * ((31 - Math.clz32(keys.length)) + 1), cmp);
}

const SIZE_THRESHOLD = 16;

function sortRange<T>(keys: T[], lo: number, length: number, depthLimit: number, cmp: (a: T, b: T) => number): void {
  let size = length;
  while (size > 1) {
    if (size <= SIZE_THRESHOLD) {
      if (size === 2) { swapIfGreater(keys, cmp, lo, lo + 1); return; }
      if (size === 3) {
        swapIfGreater(keys, cmp, lo, lo + 1);
        swapIfGreater(keys, cmp, lo, lo + 2);
        swapIfGreater(keys, cmp, lo + 1, lo + 2);
        return;
      }
      insertionSort(keys, lo, size, cmp);
      return;
    }
    if (depthLimit === 0) { heapSort(keys, lo, size, cmp); return; }
    depthLimit--;
    const p = pickPivotAndPartition(keys, lo, size, cmp);
    sortRange(keys, lo + p + 1, size - (p + 1), depthLimit, cmp);
    size = p;
  }
}

function swap<T>(keys: T[], i: number, j: number): void { const t = keys[i]!; keys[i] = keys[j]!; keys[j] = t; }

function swapIfGreater<T>(keys: T[], cmp: (a: T, b: T) => number, i: number, j: number): void {
  if (cmp(keys[i]!, keys[j]!) > 0) swap(keys, i, j);
}

function pickPivotAndPartition<T>(keys: T[], lo: number, size: number, cmp: (a: T, b: T) => number): number {
  const hi = size - 1;
  const middle = hi >> 1;
  swapIfGreater(keys, cmp, lo, lo + middle);
  swapIfGreater(keys, cmp, lo, lo + hi);
  swapIfGreater(keys, cmp, lo + middle, lo + hi);
  const pivot = keys[lo + middle]!;
  swap(keys, lo + middle, lo + hi - 1);
  let left = 0, right = hi - 1;
  while (left < right) {
    while (cmp(keys[lo + ++left]!, pivot) < 0) { /* advance */ }
    while (cmp(pivot, keys[lo + --right]!) < 0) { /* retreat */ }
    if (left >= right) break;
    swap(keys, lo + left, lo + right);
  }
  if (left !== hi - 1) swap(keys, lo + left, lo + hi - 1);
  return left;
}

function heapSort<T>(keys: T[], lo: number, n: number, cmp: (a: T, b: T) => number): void {
  for (let i = n >> 1; i >= 1; i--) downHeap(keys, lo, i, n, cmp);
  for (let i = n; i > 1; i--) {
    swap(keys, lo, lo + i - 1);
    downHeap(keys, lo, 1, i - 1, cmp);
  }
}

function downHeap<T>(keys: T[], lo: number, i: number, n: number, cmp: (a: T, b: T) => number): void {
  const d = keys[lo + i - 1]!;
  while (i <= n >> 1) {
    let child = 2 * i;
    if (child < n && cmp(keys[lo + child - 1]!, keys[lo + child]!) < 0) child++;
    if (!(cmp(d, keys[lo + child - 1]!) < 0)) break;
    keys[lo + i - 1] = keys[lo + child - 1]!;
    i = child;
  }
  keys[lo + i - 1] = d;
}

function insertionSort<T>(keys: T[], lo: number, size: number, cmp: (a: T, b: T) => number): void {
  for (let i = 0; i < size - 1; i++) {
    const t = keys[lo + i + 1]!;
    let j = i;
    while (j >= 0 && cmp(t, keys[lo + j]!) < 0) { keys[lo + j + 1] = keys[lo + j]!; j--; }
    keys[lo + j + 1] = t;
  }
}
