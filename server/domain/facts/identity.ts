import { option, type FactDefinition } from './definition.ts';
import { industryFacts } from './industries.ts';

export const identityFacts = [
  {
    name: 'entityType', type: 'enum', group: 'identity', required: true,
    label: { zh: '主体类型', en: 'Type of entity' },
    help: { zh: '尚未登记的创业者选“个人（未登记）”。', en: 'A founder who has not registered yet is a “person”.' },
    options: [
      option('enterprise', '企业', 'Enterprise'),
      option('individual_business', '个体工商户', 'Individual business'),
      option('farmer_coop', '农民专业合作社', 'Farmers’ cooperative'),
      option('person', '个人（未登记）', 'Person (not yet registered)'),
    ],
  },
  {
    name: 'ownership', type: 'enum', group: 'identity',
    label: { zh: '所有制', en: 'Ownership' },
    options: [
      option('private', '民营', 'Private'),
      option('state', '国有', 'State-owned'),
      option('foreign', '外资', 'Foreign-invested'),
      option('mixed', '混合所有制', 'Mixed ownership'),
    ],
  },
  {
    name: 'size', type: 'enum', group: 'identity',
    label: { zh: '企业规模', en: 'Size' },
    help: { zh: '按国家中小微企业划型标准。', en: 'By the national SME classification standard.' },
    options: [
      option('micro', '微型', 'Micro'),
      option('small', '小型', 'Small'),
      option('medium', '中型', 'Medium'),
      option('large', '大型', 'Large'),
    ],
  },
  ...industryFacts,
  {
    name: 'yearsOperating', type: 'number', unit: 'years', group: 'identity',
    label: { zh: '成立年限', en: 'Years operating' },
    help: { zh: '自登记注册起的年数。', en: 'Years since registration.' },
  },
  {
    name: 'listing', type: 'enum', attainable: true, group: 'identity',
    label: { zh: '上市挂牌情况', en: 'Listing' },
    options: [
      option('none', '未上市挂牌', 'Not listed'),
      option('main_board', '境内外主板等证券交易所上市', 'Listed on a stock exchange'),
      option('neeq', '新三板挂牌', 'NEEQ (New Third Board)'),
      option('regional_equity', '区域性股权市场挂牌', 'Regional equity market'),
    ],
  },
  {
    name: 'upcomingProcedures', type: 'enumList', group: 'identity',
    label: { zh: '近期要办理的事项', en: 'Procedures the business is about to go through' },
    help: {
      zh: '可多选；不办理的不选。用于只在办理某项业务时才适用的便利措施（歇业备案、简易注销、刻章备案等）。',
      en: 'All that apply; none if none. Used by measures that help only while going through that procedure (suspension filing, simplified deregistration, seal filing …).',
    },
    options: [
      option('operator_change', '个体工商户变更经营者', 'Change the operator of an individual business'),
      option('suspension', '歇业（暂停经营，保留主体资格）', 'Suspend business (keeping the registration)'),
      option('deregistration', '注销登记', 'Deregister the business'),
      option('seal_engraving', '刻制印章（公章、财务章等）', 'Have official seals engraved'),
      option('seal_engraving_permit', '申请印章刻制业特种行业许可证（开办刻章店）', 'Apply for a seal-engraving trade permit (open a seal shop)'),
      option('network_filing', '办理公安机关联网备案或网站备案', 'File the network connection or website with the public security bureau'),
    ],
  },
  {
    name: 'parentGroupStatus', type: 'enumList', group: 'identity',
    label: { zh: '本企业由哪类企业设立（母公司、集团的身份）', en: 'Set up by what kind of company (status of the parent or group)' },
    help: {
      zh: '本企业是其他企业在当地设立的区域总部、分公司或子公司的，选母公司（集团）的身份，可多选；母公司不属于所列类型、或本企业不是由其他企业设立的，不选。本企业自身的上市情况另问。',
      en: 'If this business is a regional headquarters, branch or subsidiary that another company set up here, choose the parent’s (group’s) status, all that apply; choose none if the parent is none of these or the business was not set up by another company. The business’s own listing is asked separately.',
    },
    options: [
      option('main_board', '在证券交易所主板上市的企业', 'Company listed on a stock exchange main board'),
      option('fortune500_global', '世界500强', 'Fortune Global 500'),
      option('china500', '中国500强', 'China Top 500'),
      option('china_private500', '中国民营企业500强', 'China Top 500 Private'),
      option('china_manufacturing500', '中国制造业500强', 'China Top 500 Manufacturing'),
      option('china_services500', '中国服务业500强', 'China Top 500 Services'),
    ],
  },
  {
    name: 'recentListing', type: 'enum', attainable: true, group: 'identity',
    label: { zh: '近12个月内本企业首次上市或挂牌', en: 'Listed for the first time in the last 12 months' },
    help: {
      zh: '本企业近12个月内首次公开发行股票上市、或在新三板或区域性股权市场新挂牌的，选对应的市场；没有的选“无”。用于“首发上市”“挂牌”一次性奖励；早已上市挂牌的选“无”。',
      en: 'The market on which this business made its first public offering or was newly admitted in the last 12 months; “none” if it did not (or was listed earlier). Used by one-off awards for going public.',
    },
    options: [
      option('none', '无', 'None'),
      option('main_board', '证券交易所主板首次公开发行上市（境内外）', 'First public offering on a stock exchange main board (in China or abroad)'),
      option('other_board', '创业板、科创板、北交所等其他板块首次公开发行上市', 'First public offering on ChiNext, STAR, the Beijing exchange or another board'),
      option('neeq', '新三板挂牌', 'Admitted to the NEEQ (New Third Board)'),
      option('regional_equity', '区域性股权市场挂牌', 'Admitted to a regional equity market'),
    ],
  },
  {
    name: 'onlineOnlyBusiness', type: 'boolean', group: 'identity',
    label: { zh: '只通过互联网从事经营活动（无实体经营场所）', en: 'Trades only online (no physical premises)' },
    help: {
      zh: '网店、网络直播销售等只在互联网上经营、没有线下门店或经营场所的，选“是”。',
      en: 'Yes for an online shop or live-stream seller that trades only on the internet, with no shop or premises.',
    },
  },
  {
    name: 'truckOperations', type: 'enumList', group: 'identity',
    label: { zh: '使用的货运车辆', en: 'Freight vehicles the business runs' },
    help: {
      zh: '本主体自有或租用、用于经营的货运车辆情况，可多选；没有的不选。',
      en: 'Freight vehicles the business owns or hires for its trade, all that apply; none if none.',
    },
    options: [
      option('urban_trucks', '货车在城市道路通行（配送、运输）', 'Trucks driving on city roads (delivery, haulage)'),
      option('container_trucks', '国际标准集装箱运输车辆', 'International standard container trucks'),
      option('special_single_cargo_trucks', '运输单一物品的特种货车', 'Special trucks carrying a single kind of goods'),
      option('fresh_produce', '整车合法装载运输鲜活农产品的车辆', 'Vehicles legally loaded with a full load of fresh farm produce'),
    ],
  },
  {
    name: 'inspectionItems', type: 'enumList', group: 'identity',
    label: { zh: '需要检验检测的设备、产品', en: 'Equipment and products that need inspection or testing' },
    help: {
      zh: '本主体使用、生产或送检的下列设备、产品，可多选；没有的不选。',
      en: 'Any of these the business uses, makes or sends for testing, all that apply; none if none.',
    },
    options: [
      option('special_equipment', '特种设备（电梯、起重机械、场（厂）内专用机动车辆、游乐设施等）', 'Special equipment (lifts, cranes, in-plant vehicles, amusement rides …)'),
      option('cotton_batting', '棉胎等絮用纤维制品', 'Cotton batting and other wadding fibre products'),
      option('masks', '口罩', 'Face masks'),
      option('cotton_moisture_meters', '原棉水分测定仪、棉包水分测定仪', 'Raw-cotton or cotton-bale moisture meters'),
    ],
  },
  {
    name: 'electronicBusinessLicense', type: 'boolean', attainable: true, group: 'identity',
    label: { zh: '已申领电子营业执照（已实名认证）', en: 'Has obtained its electronic business licence (identity verified)' },
    help: {
      zh: '已通过电子营业执照小程序等完成实名认证并下载（申领）电子营业执照的，选“是”。',
      en: 'Yes if the business has verified its identity and downloaded (claimed) its electronic business licence, e.g. in the official mini-programme.',
    },
  },
  {
    name: 'registeredAfterLicenseMerger', type: 'boolean', group: 'identity',
    label: { zh: '个体工商户在“两证整合”后设立登记', en: 'Individual business registered after the “two licences in one” reform' },
    help: {
      zh: '个体工商户营业执照和税务登记证“两证整合”于2016年12月1日起实施（少数试点地区为10月1日）；此后设立登记的个体工商户选“是”。',
      en: 'The individual-business licence and tax registration were merged from 1 December 2016 (1 October in a few pilot provinces); yes if the individual business was registered after that.',
    },
  },
  {
    name: 'chainStoreOutlet', type: 'boolean', group: 'identity',
    label: { zh: '连锁经营企业的直营门店', en: 'A directly run outlet of a chain business' },
    help: { zh: '本主体是连锁经营企业直接经营的门店（不含加盟店）的，选“是”。', en: 'Yes if the business is an outlet run directly by a chain (not a franchise).' },
  },
  {
    name: 'keySupplyChainListed', type: 'boolean', attainable: true, group: 'identity',
    label: { zh: '列入重点产业链供应链“白名单”或核心配套企业清单', en: 'On a key industrial-chain “white list” or core supplier list' },
    help: {
      zh: '被当地列入重点产业链供应链“白名单”或重点产业链核心配套企业清单的，选“是”。',
      en: 'Yes if the local government listed the business on a key industrial-chain or supply-chain “white list” or core supplier list.',
    },
  },
  {
    name: 'listingReserve', type: 'boolean', attainable: true, group: 'identity',
    label: { zh: '列入上市后备企业名单', en: 'On the list of companies preparing to list' },
    help: { zh: '被列入省、市上市后备企业名单（资源库）的，选“是”。', en: 'Yes if the business is on a provincial or city list of companies preparing to list.' },
  },
  {
    name: 'gasConnectionNoExternalWorks', type: 'boolean', group: 'identity',
    label: { zh: '用气报装无需外线施工', en: 'Gas connection needs no external works' },
    help: { zh: '办理用气报装时，不需要在用户红线外新建燃气管线（无外线施工）的，选“是”。', en: 'Yes if the gas connection needs no new pipeline outside the site boundary.' },
  },
  {
    name: 'holdsFoodLicence', type: 'boolean', group: 'identity',
    label: { zh: '持有食品经营许可证或食品生产经营登记证', en: 'Holds a food business licence or food production registration' },
    help: { zh: '变更营业执照时这些许可证可一并变更。', en: 'These can be changed together with the business licence.' },
  },
  {
    name: 'deregistrationObstacle', type: 'boolean', group: 'identity',
    label: { zh: '因股东失联、公章遗失等特殊问题无法按常规办理注销', en: 'Cannot deregister the usual way (shareholders unreachable, seal lost …)' },
  },
] as const satisfies readonly FactDefinition[];
