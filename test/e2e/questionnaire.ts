/** What a person does on the finder page, and what the rule files say they should see. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { RuleFile } from '../../server/domain/rule-schema.ts';
import { chineseYuan } from '../../web/src/lib/money.ts';

export function ruleFromFile(documentId: string, ruleId: string) {
  const file = JSON.parse(readFileSync(`rules/${documentId}.json`, 'utf8')) as RuleFile;
  const rule = file.rules.find((r) => r.id === `${documentId}/${ruleId}`);
  if (!rule) throw new Error(`rules/${documentId}.json has no rule ${ruleId}`);
  return { ...rule, document: file.document };
}

type Source = ReturnType<typeof ruleFromFile>;
type Node = { fact?: string; all?: Node[]; any?: Node[]; not?: Node };

/** The facts a rule's exclusions name (none while the corpus still states them as conditions). */
export function exclusionFacts(rule: Source): Set<string> {
  const facts = new Set<string>();
  const walk = (node: Node | undefined) => {
    if (!node) return;
    if (node.fact) facts.add(node.fact);
    for (const child of [...(node.all ?? []), ...(node.any ?? []), ...(node.not ? [node.not] : [])]) walk(child);
  };
  walk(rule.exclusions as Node | undefined);
  return facts;
}

/** Opens the finder and answers its first step, as a person would: where the business is, what it is, and the date. */
export async function startFinder(page: Page, baseUrl: string, first: { province: string; city?: string; entityType: string; asOf: string }) {
  await page.goto(`${baseUrl}/`);
  await choose(page, '注册所在省（区）', first.province);
  if (first.city) await pickCity(page, first.city, first.city);
  await choose(page, '主体类型', first.entityType);
  await page.getByLabel('按此日期判断是否有效').fill(first.asOf);
}

/** Types into the city box and picks the city from the list that opens (`looking` sees the list first). */
export async function pickCity(page: Page, typed: string, city: string, looking?: () => Promise<unknown>) {
  const box = questionnaire(page).getByRole('combobox', { name: '所在市（州）' });
  await box.fill(typed);
  await looking?.();
  await page.getByRole('option', { name: new RegExp(`^${city}`) }).click();
  await expect.poll(() => box.inputValue()).toBe(city);
}

const questionnaire = (page: Page) => page.locator('form.questionnaire');

/** A question of the list, as a person finds it: asked already, or behind "显示更多问题". */
async function question(page: Page, find: (form: Locator) => Locator): Promise<Locator> {
  const form = questionnaire(page);
  if (await form.locator('ol.questions').count()) await settled(page);
  if ((await find(form).count()) === 0) {
    const more = form.getByRole('button', { name: /显示更多问题/ });
    if (await more.count()) await more.click();
  }
  return find(form);
}

/** Ticks a radio button or checkbox of a question, found by the question's and the option's labels. */
export async function choose(page: Page, label: string, option: string) {
  const group = await question(page, (form) => form.getByRole('group', { name: label }));
  await group.getByLabel(option, { exact: true }).check();
}

/** Types an answer in a text box, found by the question's label. */
export async function type(page: Page, label: string, text: string) {
  await (await question(page, (form) => form.getByLabel(label))).fill(text);
}

export async function select(page: Page, label: string, option: string) {
  await (await question(page, (form) => form.getByLabel(label))).selectOption({ label: option });
}

/** The result card of a benefit in one list, by its title. */
export const card = (page: Page, list: 'eligible' | 'possible' | 'nearMisses' | 'excluded' | 'expired' | 'notYetValid', title: string): Locator =>
  page.locator(`article.benefit.${list}`, { has: page.getByRole('heading', { name: title, exact: true }) });
export const eligibleCard = (page: Page, title: string) => card(page, 'eligible', title);

/** Waits until the running result has caught up with the last answer. */
export async function settled(page: Page) {
  await page.waitForFunction(() => document.querySelector('.results')?.getAttribute('aria-busy') === 'false');
}

/** Opens what a card folds away (its conditions and sources), as a reader would. */
export async function unfold(card: Locator) {
  const more = card.locator('details.more');
  if ((await more.count()) && (await more.getAttribute('open')) === null) await more.locator('summary').click();
}

/** The card shows the amount, the department and the whole citation, quote verbatim. */
export async function expectCardShows(card: Locator, rule: Source, amount: string) {
  await expect.poll(() => card.count()).toBe(1);
  expect(await card.locator('.amount').innerText()).toContain(amount);
  await unfold(card);
  const text = await card.innerText();
  expect(text).toContain(rule.document.title);
  expect(text).toContain(rule.clause);
  expect(text).toContain(`第 ${rule.page} 页`);
  if (rule.document.number) expect(text).toContain(rule.document.number);
  if (rule.department) expect(text).toContain(rule.department);
  expect(await card.locator('blockquote').first().innerText()).toBe(rule.quote);
}

/** The answer the API gives for the answers in the page's address. */
export async function matchFromApi(page: Page, baseUrl: string) {
  const params = new URL(page.url()).searchParams;
  const facts = (await (await fetch(`${baseUrl}/api/facts`)).json()) as { name: string; type: string }[];
  const typed = Object.fromEntries(
    [...params]
      .filter(([k]) => k !== 'asOf')
      .map(([name, raw]) => {
        const type = facts.find((f) => f.name === name)?.type;
        return [name, type === 'number' ? Number(raw) : type === 'boolean' ? raw === 'true' : type === 'enumList' ? raw.split(',').filter(Boolean) : raw];
      }),
  );
  const asOf = params.get('asOf');
  const response = await fetch(`${baseUrl}/api/match`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(asOf ? { profile: typed, asOf } : { profile: typed }),
  });
  return (await response.json()) as { totals: { estimatedYuan: number }; eligible: { title: string; category: string; amountYuan: number | null }[] };
}

/** The total the page shows, as the API computes it for the same answers (non-stacking items left out). */
export async function expectTotalMatchesApi(page: Page, baseUrl: string) {
  const yuan = (await matchFromApi(page, baseUrl)).totals.estimatedYuan;
  const shown = await page.getByTestId('total').innerText();
  if (yuan === 0) expect(shown).toBe('暂无可确定的金额');
  else expect(shown).toBe(chineseYuan(yuan));
  return yuan;
}
