import { describe, expect, test } from 'vitest';
import { filesToEvict } from './cache-prune';

const file = (name: string, size: number, mtimeMs: number) => ({ name, size, mtimeMs });

describe('PDF cache pruning', () => {
  test('keeps everything within the limits', () => {
    expect(filesToEvict([file('a', 10, 1), file('b', 10, 2)], { maxFiles: 2, maxBytes: 20 })).toEqual([]);
    expect(filesToEvict([], { maxFiles: 0, maxBytes: 0 })).toEqual([]);
  });

  test('beyond the file count, the least recently served go', () => {
    const files = [file('old', 1, 100), file('new', 1, 300), file('mid', 1, 200)];
    expect(filesToEvict(files, { maxFiles: 1, maxBytes: 1000 })).toEqual(['mid', 'old']);
  });

  test('beyond the byte budget, the oldest go until the rest fit', () => {
    const files = [file('a', 60, 1), file('b', 30, 2), file('c', 50, 3)];
    expect(filesToEvict(files, { maxFiles: 10, maxBytes: 100 })).toEqual(['a']);
  });

  test('a file larger than the whole budget is not kept', () => {
    expect(filesToEvict([file('huge', 500, 9), file('small', 5, 1)], { maxFiles: 10, maxBytes: 100 })).toEqual(['huge']);
  });
});
