import { describe, expect, it } from 'vitest';
import { changesBetween, type StoredAnswer, type StoredItem } from '../../../server/domain/screening/answers.ts';
import { applicantTable, benefitTable, type ExportApplicant } from '../../../server/domain/screening/export-rows.ts';

const item = (ruleId: string, amountYuan: number | null, extra: Partial<StoredItem> = {}): StoredItem => ({
  ruleId, title: `规则 ${ruleId}`, category: 'cash_award', kind: 'benefit', status: 'eligible', amountYuan, amountText: '按1%奖励', exclusiveGroup: null, stacks: true, missingFacts: [], caveats: [],
  source: { documentId: 'test-doc', clause: '第三条', page: 12 }, ...extra,
});
const answer = (eligible: StoredItem[], possible: StoredItem[] = []): StoredAnswer => ({
  rulesetVersion: 'v1', asOf: '2024-06-01', eligible, possible, nearMisses: [], expired: [], notYetValid: [], excluded: [], situational: [], commitments: [], questions: [], coverage: [],
  totals: {
    estimatedYuan: eligible.reduce((s, i) => s + (i.stacks ? (i.amountYuan ?? 0) : 0), 0),
    possibleYuan: 0, eligibleCount: eligible.length, possibleCount: possible.length, nearMissCount: 0, excludedCount: 0,
    situationalCount: 0, commitmentCount: 0,
  },
});

describe('re-run changes', () => {
  it('lists what became eligible and what stopped being eligible', () => {
    const before = answer([item('a', 100), item('b', 200)]);
    const after = answer([item('b', 200), item('c', 50)]);
    expect(changesBetween(before, after)).toEqual({
      newlyEligible: [{ ruleId: 'c', title: '规则 c', amountYuan: 50 }],
      noLongerEligible: [{ ruleId: 'a', title: '规则 a', amountYuan: 100 }],
      estimatedYuanBefore: 300,
      estimatedYuanAfter: 250,
    });
    expect(changesBetween(before, before)).toMatchObject({ newlyEligible: [], noLongerEligible: [] });
  });
});

describe('export tables', () => {
  const applicants: ExportApplicant[] = [
    {
      row: 2, name: '白银甲公司', creditCode: '914403001922038216', profile: { city: '白银' }, notScreened: null,
      answer: answer([item('a', 2_000_000, { caveats: [{ fact: 'projectOnSchedule', operator: 'equal', required: false, text: '须确认：未按期建成投产的项目不享受' }] }), item('b', 50_000, { stacks: false })], [item('c', null, { status: 'possible', missingFacts: ['employees'] })]),
      review: { status: 'qualified', note: '材料齐全', by: 'officer1', at: '2024-06-02T08:00:00.000Z' },
    },
    { row: 3, name: '某某商贸部', creditCode: null, profile: {}, notScreened: '登记状态：注销', answer: null, review: { status: 'pending', note: '', by: null, at: null } },
  ];

  it('one row per applicant with totals and review status', () => {
    const { header, rows } = applicantTable(applicants);
    expect(header).toContain('预计金额（元）');
    expect(rows).toEqual([
      [2, '白银甲公司', '914403001922038216', '白银', null, '已筛查', 2, 1, 2_000_000, '符合', '材料齐全', 'officer1', '2024-06-02T08:00:00.000Z'],
      [3, '某某商贸部', null, null, null, '未筛查（登记状态：注销）', null, null, null, '待审核', null, null, null],
    ]);
  });

  it('one row per applicant and benefit, with amount, caveats, document, 文号, clause and page', () => {
    const { header, rows } = benefitTable(applicants, (id) => (id === 'test-doc' ? { title: '测试文件', number: '测政发〔2023〕1 号' } : undefined));
    expect(header).toEqual(['名称', '统一社会信用代码', '政策条款', '状态', '金额（元）', '金额说明', '计入合计', '须确认事项', '尚缺信息', '文件', '文号', '条款', '页码', '规则编号']);
    expect(rows).toEqual([
      ['白银甲公司', '914403001922038216', '规则 a', '符合', 2_000_000, '按1%奖励', '是', '须确认：未按期建成投产的项目不享受', null, '测试文件', '测政发〔2023〕1 号', '第三条', 12, 'a'],
      ['白银甲公司', '914403001922038216', '规则 b', '符合', 50_000, '按1%奖励', '否（同类取高，不重复享受）', null, null, '测试文件', '测政发〔2023〕1 号', '第三条', 12, 'b'],
      ['白银甲公司', '914403001922038216', '规则 c', '可能符合', null, '按1%奖励', '是', null, '从业人数', '测试文件', '测政发〔2023〕1 号', '第三条', 12, 'c'],
    ]);
  });
});
