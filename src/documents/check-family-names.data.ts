/** Each family of consistency checks (src/checks/check-families.ts) in the words a Chinese reader of the documents uses. */
export const CHECK_FAMILY_NAMES_ZH: Readonly<Record<string, string>> = {
  't3.rowTotal': '表三各行合计与申请人分项之和不符',
  't3.balance': '表三收支不平衡（新收＋上年结转≠办理结果＋结转下年度）',
  't3.resultsSum': '表三办理结果总计与各项结果之和不符',
  't4.rowTotal': '表四复议诉讼合计与各项结果之和不符',
  nonNegative: '数值为负数或非整数',
  'crossYear.carryOver': '上年结转数与上一年度年报的结转下年度数不符',
  'crossYear.stock': '规章和规范性文件现行有效件数与上年不衔接',
  narrative: '正文所述数字与表格不符',
  completeness: '年报内容不完整',
  generation: '未采用对应年度的年报格式',
  'plausibility.jump': '数值较上年大幅变化',
  'plausibility.rate': '比率超出0至1的范围',
  'plausibility.peerZero': '同类单位普遍较大而本单位填报为0',
  'plausibility.peerUnprinted': '同类单位普遍填报而本单位未填报',
};

/** The family's Chinese name, or its code when a family has none yet. */
export function checkFamilyNameZh(family: string): string {
  return CHECK_FAMILY_NAMES_ZH[family] ?? family;
}

/** Administrative levels (AgencyLevel) in Chinese. */
export const AGENCY_LEVEL_NAMES_ZH: Readonly<Record<string, string>> = {
  PROVINCE: '省级',
  CITY: '市级',
  COUNTY: '县级',
  TOWNSHIP: '乡镇级',
  DEVELOPMENT_ZONE: '开发区',
  DEPARTMENT: '部门',
  OTHER: '其他',
};
