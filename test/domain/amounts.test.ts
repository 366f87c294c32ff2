import { describe, expect, it } from 'vitest';
import { amountFor, formatYuan, tierFor } from '../../server/domain/amounts.ts';

describe('amountFor', () => {
  it('gives a fixed amount whatever the facts', () => {
    expect(amountFor({ kind: 'fixed', yuan: 50_000 }, {})).toEqual({ amountYuan: 50_000, amountText: '5万元' });
  });

  it('applies a rate to its base fact, then the cap', () => {
    const amount = { kind: 'rate', rate: 0.01, of: 'fixedAssetInvestmentYuan', capYuan: 10_000_000 } as const;
    expect(amountFor(amount, { fixedAssetInvestmentYuan: 200_000_000 }).amountYuan).toBe(2_000_000);
    expect(amountFor(amount, { fixedAssetInvestmentYuan: 1_000_000_000 }).amountYuan).toBe(10_000_000);
    expect(amountFor(amount, { fixedAssetInvestmentYuan: 5_000_000_000 }).amountYuan).toBe(10_000_000);
  });

  it('raises a rate amount to its floor', () => {
    const amount = { kind: 'rate', rate: 0.9, of: 'ipAppraisalFeeYuan', minYuan: 1_000, capYuan: 50_000 } as const;
    expect(amountFor(amount, { ipAppraisalFeeYuan: 500 }).amountYuan).toBe(1_000);
    expect(amountFor(amount, { ipAppraisalFeeYuan: 10_000 }).amountYuan).toBe(9_000);
  });

  it('names the missing base fact instead of guessing', () => {
    const result = amountFor({ kind: 'rate', rate: 0.01, of: 'fixedAssetInvestmentYuan' }, {});
    expect(result).toMatchObject({ amountYuan: null, missingFact: 'fixedAssetInvestmentYuan' });
    expect(result.amountText).toContain('1%');
  });

  it('pays per item up to the cap', () => {
    const amount = { kind: 'perItem', yuan: 20_000, of: 'foreignInventionPatents', capYuan: 100_000 } as const;
    expect(amountFor(amount, { foreignInventionPatents: 3 }).amountYuan).toBe(60_000);
    expect(amountFor(amount, { foreignInventionPatents: 8 }).amountYuan).toBe(100_000);
    expect(amountFor(amount, { foreignInventionPatents: 0 }).amountYuan).toBe(0);
  });

  it('counts the entries of a repeatable list equal to its item', () => {
    const amount = { kind: 'perItem', yuan: 500_000, of: 'standardsLed', item: 'international' } as const;
    expect(amountFor(amount, { standardsLed: ['international', 'national', 'international'] }).amountYuan).toBe(1_000_000);
    expect(amountFor(amount, { standardsLed: ['national'] }).amountYuan).toBe(0);
    expect(amountFor(amount, {}).missingFact).toBe('standardsLed');
    expect(amountFor(amount, {}).amountText).toBe('主导制定的标准（国际标准）每项50万元');
  });

  it('finds the tier with min inclusive and max exclusive', () => {
    const tiers = [
      { min: 10_000_000, max: 50_000_000, yuan: 100_000 },
      { min: 50_000_000, max: 100_000_000, yuan: 300_000 },
      { min: 100_000_000, rate: 0.005 },
    ];
    const amount = { kind: 'tiered', of: 'annualRevenueYuan', tiers, capYuan: 1_000_000 } as const;
    expect(amountFor(amount, { annualRevenueYuan: 9_999_999 }).amountYuan).toBe(0);
    expect(amountFor(amount, { annualRevenueYuan: 10_000_000 }).amountYuan).toBe(100_000);
    expect(amountFor(amount, { annualRevenueYuan: 49_999_999 }).amountYuan).toBe(100_000);
    expect(amountFor(amount, { annualRevenueYuan: 50_000_000 }).amountYuan).toBe(300_000);
    expect(amountFor(amount, { annualRevenueYuan: 100_000_000 }).amountYuan).toBe(500_000);
    expect(amountFor(amount, { annualRevenueYuan: 900_000_000 }).amountYuan).toBe(1_000_000);
    expect(tierFor(tiers, 5)).toBeUndefined();
  });

  it('has no amount for a text benefit, and keeps its stated ceiling out of the number', () => {
    expect(amountFor({ kind: 'text', text: '最高50万元补助', upToYuan: 500_000 }, {})).toEqual({ amountYuan: null, amountText: '最高50万元补助' });
  });

  it('prefers the rule author’s wording', () => {
    expect(amountFor({ kind: 'fixed', yuan: 1e6, text: '一次性奖励100万元' }, {}).amountText).toBe('一次性奖励100万元');
  });
});

describe('formatYuan', () => {
  it('writes 万元 from ten thousand up, 亿元 where it reads exactly', () => {
    expect(formatYuan(10_000_000)).toBe('1000万元');
    expect(formatYuan(200_000_000)).toBe('2亿元');
    expect(formatYuan(123_456_789)).toBe('12345.6789万元');
    expect(formatYuan(25_000)).toBe('2.5万元');
    expect(formatYuan(9_999)).toBe('9999元');
  });
});
