import { option, type FactDefinition } from './definition.ts';

export const investmentFacts = [
  {
    name: 'newlyIntroduced', type: 'boolean', group: 'investment',
    label: { zh: '招商引资新引进项目', en: 'Newly introduced investment project' },
    help: { zh: '项目是通过招商引资新引进落地的。', en: 'The project was newly brought in by investment promotion.' },
  },
  {
    name: 'projectType', type: 'enum', group: 'investment',
    label: { zh: '项目类型', en: 'Project type' },
    options: [
      option('industrial', '工业项目', 'Industrial'),
      option('agricultural', '农业项目', 'Agricultural'),
      option('culture_tourism', '文旅项目', 'Culture & tourism'),
      option('service', '服务业项目', 'Services'),
      option('real_estate', '房地产项目', 'Real estate'),
      option('ppp', 'PPP项目', 'PPP'),
      option('franchise', '特许经营项目', 'Franchise'),
      option('other', '其他', 'Other'),
    ],
  },
  {
    name: 'fixedAssetInvestmentYuan', type: 'number', unit: 'yuan', group: 'investment',
    label: { zh: '实际完成固定资产投资（不含土地）', en: 'Fixed-asset investment completed (land excluded)' },
  },
  {
    name: 'equityFinancingYuan', type: 'number', unit: 'yuan', group: 'investment',
    label: { zh: '上市挂牌融资额', en: 'Equity financing raised on the listing venue' },
  },
] as const satisfies readonly FactDefinition[];
