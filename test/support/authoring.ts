import type { ShippedDocument } from '../../db/rules.ts';
import type { Applicant } from '../../server/domain/impact.ts';
import type { Profile } from '../../server/domain/profile.ts';
import type { Rule } from '../../server/domain/rule-schema.ts';
import { baiyinFirm, testDocument, testRule } from '../fixtures.ts';
import { signedInAs } from './accounts.ts';
import { testApp } from './test-app.ts';

/** A document whose text holds the test rule's quote on page 1, and a second clause on page 2. */
export const DOCUMENT_TEXT = [
  '# Page 1:',
  '第三条 新引进固定资产投资1亿元以上项目，市政府',
  '按实际完成固定资产投资额1%给予企业一次性奖励，最高不超过1000万元。',
  '# Page 2:',
  '第四条 对新认定的高新技术企业，一次性奖励20万元。',
].join('\n');

/** A complete, publishable rule: the fixture rule with its quote, examples and cap in the text. */
export const goodRule = (overrides: Partial<Rule> = {}): Rule =>
  testRule({
    quote: '按实际完成固定资产投资额1%给予企业一次性奖励，最高不超过1000万元。',
    examples: [
      { name: '2亿元新引进项目', profile: baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 200_000_000 }), asOf: '2024-06-01', expect: { status: 'eligible', amountYuan: 2_000_000 } },
      { name: '投资不足1亿', profile: baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 50_000_000 }), asOf: '2024-06-01', expect: { status: 'ineligible' } },
    ],
    ...overrides,
  });

export const shippedTestDocument = (rules: Rule[] = [goodRule()]): ShippedDocument => ({ document: testDocument(), text: DOCUMENT_TEXT, rules });

export const applicant = (id: string, profile: Partial<Profile>): Applicant => ({
  screeningId: 's1', applicantId: id, name: `企业${id}`, profile: baiyinFirm(profile),
});

/** The app with the test document (its one rule published) and a signed-in author. */
export async function authoringApp(options: { rules?: Rule[]; applicants?: Applicant[] } = {}) {
  const t = testApp([shippedTestDocument(options.rules)], { applicants: { storedApplicants: () => options.applicants ?? [] } });
  const author = await signedInAs(t.app, t.db, 'author', 'zhang');
  return { ...t, author };
}

export const enc = (id: string) => encodeURIComponent(id);
