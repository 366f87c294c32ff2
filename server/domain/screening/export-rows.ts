/**
 * A screening as export tables: one row per applicant (totals, review), and one row per applicant and benefit
 * (amount, caveats, document, 文号, clause, page). The same rows go to CSV and XLSX.
 */
import { factsByName } from '../facts/index.ts';
import type { StoredAnswer, StoredItem } from './answers.ts';
import { REVIEW_LABELS, type ReviewStatus } from './applicants.ts';

export type ExportCell = string | number | null;
export type ExportTable = { header: string[]; rows: ExportCell[][] };

export type ExportApplicant = {
  row: number | null;
  name: string;
  creditCode: string | null;
  profile: Readonly<Record<string, unknown>>;
  notScreened: string | null;
  answer: StoredAnswer | null;
  review: { status: ReviewStatus; note: string; by: string | null; at: string | null };
};

export type DocumentNames = (documentId: string) => { title: string; number: string | null } | undefined;

const STATUS_LABELS: Record<string, string> = { eligible: '符合', possible: '可能符合' };

export const APPLICANT_HEADER = ['行号', '名称', '统一社会信用代码', '所在市（州）', '所在县（区）', '筛查', '符合项数', '可能符合项数', '预计金额（元）', '审核状态', '审核意见', '审核人', '审核时间'];
export const BENEFIT_HEADER = ['名称', '统一社会信用代码', '政策条款', '状态', '金额（元）', '金额说明', '计入合计', '须确认事项', '尚缺信息', '文件', '文号', '条款', '页码', '规则编号'];

export function applicantTable(applicants: readonly ExportApplicant[]): ExportTable {
  return {
    header: APPLICANT_HEADER,
    rows: applicants.map((a) => [
      a.row,
      a.name,
      a.creditCode,
      (a.profile.city as string | undefined) ?? null,
      (a.profile.county as string | undefined) ?? null,
      a.notScreened ? `未筛查（${a.notScreened}）` : '已筛查',
      a.answer?.eligible.length ?? null,
      a.answer?.possible.length ?? null,
      a.answer?.totals.estimatedYuan ?? null,
      REVIEW_LABELS[a.review.status].zh,
      a.review.note || null,
      a.review.by,
      a.review.at,
    ]),
  };
}

const factLabel = (name: string) => factsByName.get(name)?.label.zh ?? name;

function benefitRow(a: ExportApplicant, item: StoredItem, documents: DocumentNames): ExportCell[] {
  const document = documents(item.source.documentId);
  return [
    a.name,
    a.creditCode,
    item.title,
    STATUS_LABELS[item.status] ?? item.status,
    item.amountYuan,
    item.amountText,
    item.stacks ? '是' : '否（同类取高，不重复享受）',
    item.caveats.map((c) => c.text).join('；') || null,
    item.missingFacts.map(factLabel).join('、') || null,
    document?.title ?? item.source.documentId,
    document?.number ?? null,
    item.source.clause,
    item.source.page,
    item.ruleId,
  ];
}

export function benefitTable(applicants: readonly ExportApplicant[], documents: DocumentNames): ExportTable {
  return {
    header: BENEFIT_HEADER,
    rows: applicants.flatMap((a) =>
      a.answer ? [...a.answer.eligible, ...a.answer.possible].map((item) => benefitRow(a, item, documents)) : [],
    ),
  };
}
