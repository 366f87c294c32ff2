import type { Profile } from '../server/domain/profile.ts';
import type { Rule, SourceDocument } from '../server/domain/rule-schema.ts';
import { prepareRuleset, type Ruleset } from '../server/domain/ruleset.ts';

/** Small hand-made documents and rules for domain and API tests (the shipped corpus is tested on its own). */

export const testDocument = (overrides: Partial<SourceDocument> = {}): SourceDocument => ({
  id: 'test-doc',
  title: '测试文件',
  notice: '关于印发测试文件的通知',
  number: '测政发〔2023〕1 号',
  issuer: '测试市人民政府',
  date: '2023-03-31',
  province: '甘肃',
  city: '白银',
  pages: [1, 2],
  validFrom: '2023-03-31',
  validTo: '2028-03-30',
  text: 'test-doc.txt',
  notes: null,
  ...overrides,
});

export const inBaiyin = [
  { fact: 'province', operator: 'equal', value: '甘肃' },
  { fact: 'city', operator: 'equal', value: '白银' },
] as const;

export const testRule = (overrides: Partial<Rule> = {}): Rule => ({
  id: 'test-doc/landing',
  title: '落地投资奖',
  summary: '新引进项目投资1亿元以上，按1%奖励，最高1000万元',
  category: 'cash_award',
  concrete: true,
  clause: '第三条',
  page: 1,
  quote: '按实际完成固定资产投资额1%给予企业一次性奖励',
  conditions: {
    all: [
      ...inBaiyin,
      { fact: 'newlyIntroduced', operator: 'equal', value: true },
      { fact: 'fixedAssetInvestmentYuan', operator: 'greaterThanInclusive', value: 100_000_000 },
    ],
  },
  amount: { kind: 'rate', rate: 0.01, of: 'fixedAssetInvestmentYuan', capYuan: 10_000_000 },
  kind: 'benefit',
  beneficiary: null,
  situations: [],
  exclusiveGroup: null,
  validFrom: null,
  validTo: null,
  department: '市经合局',
  notes: null,
  examples: [],
  ...overrides,
});

export const rulesetOf = (rules: Rule[], document: SourceDocument = testDocument()): Ruleset =>
  prepareRuleset({ documents: [document], rules: rules.map((rule) => ({ documentId: document.id, rule })) });

export const baiyinFirm = (extra: Partial<Profile> = {}): Profile => ({
  province: '甘肃',
  city: '白银',
  entityType: 'enterprise',
  ...extra,
});
