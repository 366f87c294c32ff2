import { option, type FactDefinition } from './definition.ts';

const certificationOptions = [
  option('high_tech', '高新技术企业', 'High-tech enterprise'),
  option('tech_sme', '科技型中小企业', 'Tech-based SME'),
  option('specialized_sme', '专精特新中小企业', 'Specialised & innovative SME'),
  option('little_giant', '专精特新“小巨人”企业', '“Little giant” enterprise'),
  option('agri_leading_national', '国家重点农业产业化龙头企业', 'National leading agricultural enterprise'),
  option('agri_leading_provincial', '省级农业产业化龙头企业', 'Provincial leading agricultural enterprise'),
  option('agri_leading_city', '市级农业产业化龙头企业', 'City-level leading agricultural enterprise'),
  option('ip_demo_national', '国家知识产权示范企业', 'National IP demonstration enterprise'),
  option('ip_advantage_national', '国家知识产权优势企业', 'National IP advantage enterprise'),
  option('ip_pilot_regional', '自治区（省）知识产权试点企业', 'Regional IP pilot enterprise'),
  option('green_factory_national', '国家级绿色工厂', 'National green factory'),
  option('green_factory_provincial', '省级绿色工厂', 'Provincial green factory'),
  option('fortune500_global', '世界500强', 'Fortune Global 500'),
  option('china500', '中国500强', 'China Top 500'),
  option('china_private500', '中国民营企业500强', 'China Top 500 Private'),
  option('china_manufacturing500', '中国制造业500强', 'China Top 500 Manufacturing'),
  option('china_services500', '中国服务业500强', 'China Top 500 Services'),
  option('culture_park_national', '国家级文化产业园（基地）', 'National cultural industry park (base)'),
  option('culture_park_provincial', '省级文化产业园（基地）', 'Provincial cultural industry park (base)'),
  option('culture_park_city', '市级文化产业园（基地）', 'City-level cultural industry park (base)'),
  option('sme_service_platform_national', '国家级中小企业公共服务示范平台或小微企业创业创新示范基地', 'National SME public-service demonstration platform or small-business innovation base'),
  option('sme_service_platform_provincial', '省级中小企业公共服务示范平台或小微企业创业创新示范基地', 'Provincial SME public-service demonstration platform or small-business innovation base'),
] as const;

const standardLevels = [
  option('international', '国际标准', 'International'),
  option('national', '国家标准', 'National'),
  option('industry', '行业标准', 'Industry'),
  option('local', '地方标准', 'Local'),
  option('group', '团体标准', 'Group (association)'),
] as const;

export const innovationFacts = [
  {
    name: 'certifications', type: 'enumList', attainable: true, group: 'innovation', options: certificationOptions,
    label: { zh: '已获认定（称号）', en: 'Certifications held' },
  },
  {
    name: 'newCertifications', type: 'enumList', attainable: true, group: 'innovation', options: certificationOptions,
    label: { zh: '近12个月内新获认定', en: 'Certifications obtained in the last 12 months' },
    help: { zh: '用于“首次认定”“新认定”类奖励。', en: 'For awards to newly certified firms.' },
  },
  {
    name: 'standardsLed', type: 'enumList', attainable: true, group: 'innovation', options: standardLevels, repeatable: true,
    label: { zh: '主导制定的标准', en: 'Standards led' },
    help: { zh: '每项标准填一条。', en: 'One entry per standard.' },
  },
  {
    name: 'standardsParticipated', type: 'enumList', attainable: true, group: 'innovation', options: standardLevels, repeatable: true,
    label: { zh: '参与制定的标准', en: 'Standards participated in' },
    help: { zh: '每项标准填一条。', en: 'One entry per standard.' },
  },
  {
    name: 'groupStandardLeader', type: 'boolean', attainable: true, group: 'innovation',
    label: { zh: '制定的团体标准经评估达到“领跑者”标准', en: 'A group standard it made was assessed as a “front-runner” standard' },
    help: {
      zh: '企业制定的团体标准经组织技术评估，确认达到企业标准“领跑者”（团体标准“领先者”）水平的，选“是”。',
      en: 'Yes if a group standard the business made has been assessed and confirmed at “front-runner” level.',
    },
  },
  {
    name: 'newIntegrationCertificate', type: 'boolean', attainable: true, group: 'innovation',
    label: { zh: '新通过国家级或省级两化融合管理体系贯标评定并获得证书', en: 'Newly certified under the national or provincial IT–industry integration management standard' },
    help: {
      zh: '近12个月内通过国家级、省级两化融合管理体系贯标评定并取得证书的，选“是”。',
      en: 'Yes if, within the last 12 months, the business passed the national or provincial IT–industry integration (两化融合) management system assessment and obtained the certificate.',
    },
  },
  {
    name: 'newInnovationCentre', type: 'boolean', attainable: true, group: 'innovation',
    label: { zh: '新认定为国家级或省级制造业创新中心、企业技术中心', en: 'Newly recognised as a national or provincial manufacturing innovation centre or enterprise technology centre' },
    help: {
      zh: '近12个月内被工业和信息化部门新认定为国家级、省级制造业创新中心或企业技术中心的，选“是”。',
      en: 'Yes if, within the last 12 months, the industry and IT authorities newly recognised it as a national or provincial manufacturing innovation centre or enterprise technology centre.',
    },
  },
  {
    name: 'newFirstSetEquipment', type: 'boolean', attainable: true, group: 'innovation',
    label: { zh: '新获首台（套）重大技术装备保费补贴或评定', en: 'Newly recognised first-of-its-kind major technical equipment' },
    help: {
      zh: '近12个月内获得国家首台（套）重大技术装备保费补贴，或产品被评定为省级首台（套）重大技术装备、智能制造装备的，选“是”。',
      en: 'Yes if, within the last 12 months, the business received the national first-set equipment insurance subsidy, or a product was rated provincial first-set major equipment or smart-manufacturing equipment.',
    },
  },
] as const satisfies readonly FactDefinition[];
