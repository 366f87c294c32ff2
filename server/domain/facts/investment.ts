import { option, type FactDefinition } from './definition.ts';

export const investmentFacts = [
  {
    name: 'newlyIntroduced', type: 'boolean', group: 'investment',
    label: { zh: '招商引资新引进项目', en: 'Newly introduced investment project' },
    help: { zh: '项目是通过招商引资新引进落地的。', en: 'The project was newly brought in by investment promotion.' },
  },
  {
    name: 'expansionProject', type: 'boolean', group: 'investment',
    label: { zh: '本地企业改造提升新增项目', en: 'New upgrade/expansion project of a local firm' },
    help: {
      zh: '已在当地的企业为改造提升、扩大产能而新增投资建设的项目，选“是”。',
      en: 'Yes if a firm already established locally is making a new investment to upgrade or expand.',
    },
  },
  {
    name: 'projectOnSchedule', type: 'boolean', group: 'investment',
    label: { zh: '项目按合同约定期限建成投产', en: 'Project completed on the contracted schedule' },
    help: {
      zh: '项目已按投资合同约定的建设期限建成投产（运营）的，选“是”；逾期未建成投产的，选“否”。',
      en: 'Yes if the project was completed and put into operation within the period set in the investment contract; no if it is late.',
    },
  },
  {
    name: 'brokeredProjectInvestmentYuan', type: 'number', unit: 'yuan', group: 'investment',
    label: { zh: '引荐落地项目的固定资产投资额', en: 'Fixed-asset investment of a project you brokered' },
    help: {
      zh: '中介单位或个人对引进起决定作用、已投产运营的招商引资项目实际完成的固定资产投资额（不含土地）。',
      en: 'Fixed-asset investment (land excluded) completed by an operating project that you, as intermediary, were decisive in bringing in.',
    },
  },
  {
    name: 'fundSizeYuan', type: 'number', unit: 'yuan', group: 'investment',
    label: { zh: '投资基金规模', en: 'Size of the investment fund' },
    help: {
      zh: '参与或发起设立的天使投资、产业引导、创业投资、并购等投资基金的规模。',
      en: 'Size of the angel, guidance, venture or M&A fund you set up or joined.',
    },
  },
  {
    name: 'fundLocalFinancingYuan', type: 'number', unit: 'yuan', group: 'investment',
    label: { zh: '基金为本地招商引资项目累计融资额', en: 'Fund financing provided to local investment projects' },
    help: {
      zh: '该基金累计为本市（州）招商引资项目提供的融资额。',
      en: 'Total financing the fund has provided to investment-promotion projects in this city.',
    },
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
      option('competitive_bid', '竞标性项目（国家、省、市规定须竞标取得）', 'Competitively tendered project'),
      option('other', '其他', 'Other'),
    ],
  },
  {
    name: 'fixedAssetInvestmentYuan', type: 'number', unit: 'yuan', group: 'investment',
    label: { zh: '实际完成固定资产投资（不含土地）', en: 'Fixed-asset investment completed (land excluded)' },
  },
  {
    name: 'majorProject', type: 'boolean', group: 'investment',
    label: { zh: '项目列入重点（重大）项目清单', en: 'Project on a key (major) project list' },
    help: {
      zh: '项目已列入省、市或县级政府公布的重点（重大）项目清单（名录）的，选“是”。',
      en: 'Yes if the project is on a key or major project list published by the provincial, city or county government.',
    },
  },
  {
    name: 'equityFinancingYuan', type: 'number', unit: 'yuan', group: 'investment',
    label: { zh: '上市挂牌融资额', en: 'Equity financing raised on the listing venue' },
  },
  {
    name: 'electricityCapacityKw', type: 'number', unit: 'kw', group: 'investment',
    label: { zh: '用电报装容量（千瓦）', en: 'Requested power connection capacity (kW)' },
    help: {
      zh: '本次申请新装或增容的用电报装容量，单位千瓦（kW）；用于“160千瓦及以下低压小微企业”等办电政策。',
      en: 'Capacity of the new or increased power connection applied for, in kilowatts; used by clauses such as “small firms at 160 kW or less”.',
    },
  },
  {
    name: 'constructionProject', type: 'enum', group: 'investment',
    label: { zh: '工程建设项目报建', en: 'Construction project needing approval' },
    help: {
      zh: '正在或将要办理报建审批的工程建设项目属于哪一类：社会投资简易低风险项目选“简易低风险”，其他工程建设项目选“一般”。',
      en: 'The kind of construction project the business is getting (or will get) approved: a simple low-risk socially invested project, or any other construction project.',
    },
    options: [
      option('none', '无工程建设项目', 'None'),
      option('general', '一般工程建设项目', 'General construction project'),
      option('low_risk', '社会投资简易低风险项目', 'Simple low-risk socially invested project'),
    ],
  },
  {
    name: 'tenderParticipation', type: 'enumList', group: 'investment',
    label: { zh: '参与投标的项目类型', en: 'Tenders the business bids in' },
    help: {
      zh: '企业作为供应商或投标人参与的招标采购，可多选；不参与投标的不选。',
      en: 'The tenders the business bids in as a supplier or bidder; choose all that apply, none if it does not bid.',
    },
    options: [
      option('government_procurement', '政府采购项目（使用财政性资金）', 'Government procurement (public funds)'),
      option('government_investment_construction', '依法必须招标的政府投资工程项目（房屋市政、交通、水利、农业农村等）', 'Government-invested works that must be tendered (buildings, transport, water, agriculture …)'),
      option('other_construction_tender', '其他依法必须招标的工程建设项目', 'Other construction projects that must be tendered'),
      option('transport_government_project', '交通运输类政府项目（公路、水运等；可与上列同选）', 'Government transport projects (roads, waterways …; may be chosen with the above)'),
    ],
  },
  {
    name: 'landContractSigned', type: 'boolean', group: 'investment',
    label: { zh: '已签订国有土地使用权出让合同（或取得划拨决定书）并缴清相关费用', en: 'Has signed a state land-use transfer contract (or received an allocation decision) and paid the fees' },
    help: {
      zh: '项目用地已签订土地使用权出让合同或取得国有建设用地划拨决定书，并已按要求缴纳相关费用的，选“是”。',
      en: 'Yes if the project land is covered by a signed land-use transfer contract or a state allocation decision and the required fees have been paid.',
    },
  },
  {
    name: 'safetyEnvironmentalProject', type: 'boolean', group: 'investment',
    label: { zh: '项目属于安全环保项目', en: 'The project is a safety or environmental-protection project' },
    help: {
      zh: '项目本身是安全生产、环境保护类项目（如安全设施、污染治理工程）的，选“是”。部分“一切手续政府办”的代办承诺不含此类项目。',
      en: 'Yes if the project itself is a work-safety or environmental-protection project (safety installations, pollution control). Some free-agency promises leave such projects out.',
    },
  },
  {
    name: 'consistentWithPlanEia', type: 'boolean', group: 'investment',
    label: { zh: '建设项目符合园区规划环评结论和审查意见', en: 'The project conforms to the park plan’s environmental assessment and its review opinion' },
    help: {
      zh: '由生态环境部门判断；项目位于已开展规划环评的园区且符合其结论和审查意见的，选“是”。',
      en: 'Judged by the environment office; yes if the project lies in a park whose plan was assessed and conforms to that assessment and its review.',
    },
  },
  {
    name: 'buyingNewEnergyVehicle', type: 'boolean', group: 'investment',
    label: { zh: '购置新能源汽车', en: 'Buying a new-energy vehicle' },
    help: {
      zh: '正在或准备购置新能源汽车（车辆购置税的免征以国家公布的车型目录和期限为准）的，选“是”。',
      en: 'Yes if the business is buying or about to buy a new-energy vehicle (the purchase-tax exemption follows the national list and dates).',
    },
  },
  {
    name: 'fitsIndustryPolicy', type: 'boolean', group: 'investment',
    label: { zh: '项目（企业）符合国家产业政策和当地重点产业发展规划（产业导向）', en: 'The project (or firm) fits national industrial policy and the local key-industry plan' },
    help: {
      zh: '由主管部门认定；已获认定或主管部门确认符合的，选“是”；不确定的不填。',
      en: 'Decided by the department in charge: yes if it has confirmed so; leave unanswered if unsure.',
    },
  },
  {
    name: 'priorityIndustryIntensiveLand', type: 'boolean', group: 'investment',
    label: { zh: '工业项目属于省、市确定的优先发展产业且用地集约', en: 'Industrial project in a priority industry set by the province or city, using land intensively' },
    help: {
      zh: '由自然资源等部门认定；已确认属于优先发展产业且用地集约的，选“是”。',
      en: 'Decided by the natural-resources and other departments: yes if they have confirmed it.',
    },
  },
  {
    name: 'unusedStateLandSelfDeveloped', type: 'boolean', group: 'investment',
    label: { zh: '工业项目使用国有未利用地、自行完成土地前期开发且符合国家集约用地标准', en: 'Industrial project on unused state land, developed by the user itself, meeting national land-intensity standards' },
    help: {
      zh: '项目用地为国有未利用地，土地前期开发由土地使用者自行完成，且符合国家集约用地标准的，选“是”。',
      en: 'Yes if the project uses unused state-owned land, the user itself prepares the land, and the use meets national land-intensity standards.',
    },
  },
  {
    name: 'fixedAssetAdditionsThisYearYuan', type: 'number', unit: 'yuan', group: 'investment',
    label: { zh: '当年新增固定资产（不含土地和可对外出售部分）', en: 'Fixed assets added this year (land and saleable parts excluded)' },
  },
  {
    name: 'forProfitServiceProject', type: 'boolean', group: 'investment',
    label: { zh: '服务业、社会公益性项目经主管部门认定属营利性质', en: 'Service or public-interest project recognised as for-profit by the department in charge' },
  },
  {
    name: 'majorTechProjectRecognised', type: 'boolean', group: 'investment',
    label: { zh: '项目经认定为重大科技成果转化或重大技术研发项目', en: 'Project recognised as a major technology-transfer or R&D project' },
    help: { zh: '由科技等主管部门认定。', en: 'Decided by the science and technology department.' },
  },
  {
    name: 'tenderContractEstimateYuan', type: 'number', unit: 'yuan', group: 'investment',
    label: { zh: '所投工程项目的单项合同估算价', en: 'Estimated value of the single contract bid for' },
    help: { zh: '参加投标的依法必须招标工程项目的单项合同估算价。', en: 'Estimated value of the single contract of the works tender the business bids in.' },
  },
  {
    name: 'industrialLandDensified', type: 'boolean', group: 'investment',
    label: { zh: '在现有工业用地上不改变用途、符合规划，提高土地利用率或增加容积率', en: 'Raising the land use or plot ratio of existing industrial land, same use and within the plan' },
  },
] as const satisfies readonly FactDefinition[];
