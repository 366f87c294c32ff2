import { option, type FactDefinition } from './definition.ts';

/**
 * Business life events (企业全生命周期 / 高效办成一件事): what a business is going through or preparing. Rights (a time
 * limit, waived materials, leniency, a green channel) and situation-bound benefits name the situations they apply in;
 * a profile that names none of them sees them apart, grouped by situation, not among what it can claim.
 */
export const situationFacts = [
  {
    name: 'situations', type: 'enumList', group: 'situations',
    label: { zh: '近期正在或准备办理的事项', en: 'What the business is going through or preparing' },
    help: {
      zh: '可多选；只在办理该事项时才适用的便利、时限和权利，按这里的选择列出。',
      en: 'All that apply; rights and facilities that apply only while going through a matter are listed by these.',
    },
    options: [
      option('opening', '开办企业（设立登记、刻章、申领发票、首次参保）', 'Opening a business (registration, seals, invoices, social insurance)'),
      option('changing', '变更登记或备案（名称、住所、经营者、经营范围等）', 'Changing registered details (name, address, operator, scope …)'),
      option('relocating', '迁移（跨区域迁移、变更住所）', 'Relocating the business'),
      option('suspending', '歇业（暂停经营，保留主体资格）', 'Suspending business (keeping the registration)'),
      option('deregistering', '注销', 'Deregistering'),
      option('licensing', '办理许可、资质、证照或备案', 'Obtaining a permit, qualification, licence or filing'),
      option('utilities', '水、电、气、网报装', 'Connecting water, power, gas or internet'),
      option('construction', '工程建设项目审批（立项、用地、规划、施工许可、验收）', 'Construction project approval (land, planning, permits, acceptance)'),
      option('property', '不动产登记、交易', 'Registering or trading real estate'),
      option('bidding', '参加招标投标、政府采购', 'Bidding for tenders or government procurement'),
      option('financing', '贷款融资、担保、抵押质押', 'Borrowing, guarantees, mortgages and pledges'),
      option('hiring', '招聘用工、社保', 'Hiring staff and social insurance'),
      option('taxes', '办税缴费、发票、退税', 'Paying taxes and fees, invoices, tax refunds'),
      option('trade', '进出口、通关', 'Importing, exporting and customs'),
      option('freight', '货车通行、道路运输', 'Running trucks and road transport'),
      option('testing', '产品、设备检验检测', 'Having products or equipment inspected and tested'),
      option('inspection', '接受行政检查、监管', 'Undergoing government inspections'),
      option('penalty', '行政处罚（含轻微违法、首次违法）', 'Facing an administrative penalty (minor or first offences included)'),
      option('credit_repair', '信用修复、移出经营异常名录', 'Credit repair, leaving the abnormal-operations list'),
      option('dispute', '商事纠纷、诉讼、仲裁、调解', 'A commercial dispute, lawsuit, arbitration or mediation'),
      option('enforcement', '财产查封冻结、执行案件', 'Seizure or freezing of assets, enforcement cases'),
      option('ip_protection', '知识产权申请、保护、维权（含海外纠纷）', 'Applying for, protecting or enforcing IP (disputes abroad included)'),
      option('arrears', '被拖欠账款（政府机关、事业单位、大型企业）', 'Owed payments by government bodies, public institutions or large firms'),
      option('bankruptcy', '破产、重整', 'Bankruptcy or restructuring'),
      option('complaint', '投诉、举报、反映营商环境问题', 'Complaining or reporting a business-environment problem'),
    ],
  },
] as const satisfies readonly FactDefinition[];
