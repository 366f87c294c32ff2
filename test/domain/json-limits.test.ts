import { describe, expect, it } from 'vitest';
import { jsonLimitIssues, jsonTextDeeperThan } from '../../server/domain/json-limits.ts';

describe('jsonTextDeeperThan', () => {
  it('counts arrays and objects, not brackets inside strings (escaped quotes included)', () => {
    expect(jsonTextDeeperThan('{"a":[[1]]}', 3)).toBe(false);
    expect(jsonTextDeeperThan('{"a":[[[1]]]}', 3)).toBe(true);
    expect(jsonTextDeeperThan('{"a":"[[[[\\"[[[[","b":[1]}', 2)).toBe(false);
  });
});

describe('jsonLimitIssues', () => {
  it('walks 100,000 levels without recursion and names the path where the depth is exceeded', () => {
    const deep = JSON.parse(`{"a":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`);
    expect(jsonLimitIssues(deep, { depth: 4 })).toEqual([{ path: ['a', 0, 0, 0], message: expect.stringContaining('4 levels') }]);
  });

  it('counts values and characters (keys too)', () => {
    expect(jsonLimitIssues({ a: [1, 2, 3] }, { depth: 5, nodes: 4 })).toEqual([{ path: ['a', 2], message: expect.stringContaining('4 values') }]);
    expect(jsonLimitIssues({ abc: 'defg' }, { depth: 5, chars: 6 })).toEqual([{ path: ['abc'], message: expect.stringContaining('6 characters') }]);
    expect(jsonLimitIssues({ abc: 'de' }, { depth: 5, nodes: 2, chars: 5 })).toEqual([]);
  });
});
