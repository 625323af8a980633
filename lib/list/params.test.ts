import { expect, test } from 'vitest';
import { clampPage, firstParam, hrefWithParams, parseListView, parsePage, setListView, type ListDefaults, type SearchParams } from './params';

const LIST: ListDefaults<'name' | 'price'> = { sorts: ['name', 'price'], sort: 'name', dir: 'asc' };
const NEWEST: ListDefaults<'created' | 'name'> = { sorts: ['created', 'name'], sort: 'created', dir: 'desc' };

test.each([
  ['2', 2],
  [' 7 ', 7],
  ['100000', 100_000],
  [undefined, 1],
  ['', 1],
  ['0', 1],
  ['-3', 1],
  ['2.5', 1],
  ['1e3', 1000],
  ['100001', 1],
  ['two', 1],
  ['Infinity', 1],
])('page %j reads as %d', (raw, page) => {
  expect(parsePage(raw)).toBe(page);
});

test.each([
  ['no parameters: the defaults', {}, LIST, { sort: 'name', dir: 'asc', page: 1 }],
  ['a known key, descending, page 3', { sort: 'price', dir: 'desc', page: '3' }, LIST, { sort: 'price', dir: 'desc', page: 3 }],
  ['an unknown key', { sort: 'value; drop table products' }, LIST, { sort: 'name', dir: 'asc', page: 1 }],
  ['a key of another list', { sort: 'created' }, LIST, { sort: 'name', dir: 'asc', page: 1 }],
  ['keys are case-sensitive', { sort: 'PRICE', dir: 'DESC' }, LIST, { sort: 'name', dir: 'asc', page: 1 }],
  ['a junk direction', { sort: 'price', dir: 'sideways' }, LIST, { sort: 'price', dir: 'asc', page: 1 }],
  ['a junk direction on a list that defaults to descending', { dir: 'up' }, NEWEST, { sort: 'created', dir: 'desc', page: 1 }],
  ['ascending on a list that defaults to descending', { dir: 'asc', sort: 'name' }, NEWEST, { sort: 'name', dir: 'asc', page: 1 }],
  ['repeated parameters count by their first value', { sort: ['price', 'name'], dir: ['desc', 'asc'], page: ['2', '9'] }, LIST, { sort: 'price', dir: 'desc', page: 2 }],
  ['a bad page keeps a good sort', { sort: 'price', page: '-1' }, LIST, { sort: 'price', dir: 'asc', page: 1 }],
] as const)('%s', (_, params, defaults, view) => {
  expect(parseListView(params as SearchParams, defaults as ListDefaults<string>)).toEqual(view);
});

test.each([
  [{ sort: 'name', dir: 'asc', page: 1 }, LIST, ''],
  [{ sort: 'price', dir: 'desc', page: 2 }, LIST, 'sort=price&dir=desc&page=2'],
  [{ sort: 'name', dir: 'desc', page: 1 }, LIST, 'dir=desc'],
  [{ sort: 'created', dir: 'desc', page: 1 }, NEWEST, ''],
  [{ sort: 'created', dir: 'asc', page: 4 }, NEWEST, 'dir=asc&page=4'],
] as const)('the view %j writes %j, leaving out the defaults', (view, defaults, query) => {
  expect(String(setListView(new URLSearchParams(), view, defaults as ListDefaults<string>))).toBe(query);
});

test('a view survives the trip through its URL, after the filters already there', () => {
  const params = setListView(new URLSearchParams({ q: 'ann' }), { sort: 'price', dir: 'desc', page: 5 }, LIST);
  expect(String(params)).toBe('q=ann&sort=price&dir=desc&page=5');
  expect(parseListView(Object.fromEntries(params), LIST)).toEqual({ sort: 'price', dir: 'desc', page: 5 });
});

test.each([
  [1, 0, 1],
  [3, 0, 1],
  [2, 100, 2],
  [3, 100, 2],
  [999, 101, 3],
  [1, 50, 1],
  [2, 50, 1],
])('page %d of %d rows shows page %d', (page, total, shown) => {
  expect(clampPage(page, total)).toBe(shown);
});

test('firstParam and hrefWithParams', () => {
  expect(firstParam({ a: ['x', 'y'], b: 'z' }, 'a')).toBe('x');
  expect(firstParam({ b: 'z' }, 'a')).toBeUndefined();
  expect(hrefWithParams('/contacts', new URLSearchParams())).toBe('/contacts');
  expect(hrefWithParams('/contacts', new URLSearchParams({ q: 'a b' }))).toBe('/contacts?q=a+b');
});
