import { describe, expect, it } from 'vitest';
import { baiyinFirm } from '../fixtures.ts';
import { testApp } from '../support/test-app.ts';

const { app, postJson } = testApp([]);
const chineseThenEnglish = /[\u4e00-\u9fff].*\(.*[A-Za-z].*\)/;

describe('error answers', () => {
  it("give zod's own messages in Chinese with the English in parentheses", async () => {
    const res = await postJson('/api/match', { profile: { ...baiyinFirm(), city: 5 } });
    const { error } = await res.json();
    expect(error.issues).toEqual([{ path: 'profile.city', message: '无效输入：期望 string，实际接收 数字 (Invalid input: expected string, received number)' }]);
  });

  it('say in both languages that the JSON is malformed', async () => {
    const { error } = await (await postJson('/api/match', '{"profile": ')).json();
    expect(error).toEqual({ code: 'bad_request', message: '请求体不是有效的 JSON (malformed JSON in request body)' });
  });

  it.each([undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'answer 415 to a JSON route sent %s',
    async (type) => {
      const res = await app.request('/api/match', { method: 'POST', headers: type ? { 'content-type': type } : {}, body: '{"profile":{}}' });
      expect(res.status).toBe(415);
      const { error } = await res.json();
      expect(error.code).toBe('unsupported_media_type');
      expect(error.message).toMatch(chineseThenEnglish);
    },
  );

  it('name a few unknown fields and count the rest, however many were sent', async () => {
    const junk = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`field${i}`, i]));
    const request = JSON.stringify({ profile: { ...baiyinFirm(), ...junk } });
    const res = await postJson('/api/match', request);
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text.length).toBeLessThan(1000);
    const { error } = JSON.parse(text);
    expect(error.issues).toEqual([{ path: 'profile', message: expect.stringContaining('field0, field1') }]);
    expect(error.issues[0].message).toMatch(/另有 19990 个 \(and 19990 more\)$/);
  });

  it('list a bounded number of issues and say how many more there were', async () => {
    const manyBad = { profile: baiyinFirm(), asOf: '2024-06-01', ...Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`x${i}`, 1])) };
    // One unknown-field issue at the top level: the list stays one line however many keys.
    const one = await (await postJson('/api/match', manyBad)).json();
    expect(one.error.issues).toHaveLength(1);
    const badList = { profile: { ...baiyinFirm(), industries: Array.from({ length: 50 }, (_, i) => `industry-${i}`), employees: 'x', yearsOperating: 'y', annualRevenueYuan: 'z' } };
    const res = await postJson('/api/match', badList);
    const { error } = await res.json();
    expect(error.issues.length).toBeLessThanOrEqual(51);
    expect(error.issues.at(-1).message).toMatch(/^另有 \d+ 个问题未列出 \(\d+ more issues not listed\)$/);
  });

  it('never echo a long path back in full', async () => {
    const res = await app.request(`/api/${'x'.repeat(5000)}`);
    expect(res.status).toBe(404);
    expect((await res.text()).length).toBeLessThan(700);
  });
});
