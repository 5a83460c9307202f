import type { AgencyLevel } from '../schema/enums';

/** Name endings of bodies that govern a place; departments named after the place sit under them. */
export const GOVERNING_SUFFIXES = ['管理委员会', '管委会', '人民政府', '管理办公室'] as const;

/** Words that mark a development zone's governing body. */
export const ZONE_WORDS = ['开发区', '高新区', '经开区', '新区', '园区', '示范区'] as const;

/** Place endings of a 人民政府 and the level they make it. */
export const GOVERNMENT_LEVELS: readonly [RegExp, AgencyLevel][] = [
  [/省$|自治区$/, 'PROVINCE'],
  [/市$|自治州$|地区$|盟$/, 'CITY'],
  [/县$|区$|旗$/, 'COUNTY'],
  [/乡$|镇$|街道$/, 'TOWNSHIP'],
];

/** Name endings of departments (bureaus, commissions, offices, centres). */
export const DEPARTMENT_SUFFIXES = ['局', '委员会', '委', '办公室', '办', '中心', '厅', '署', '院', '所', '站', '队'] as const;

/** Region names a title may print before an agency's own name: 江苏省, 淮安市, 江苏省淮安市. */
const REGION_PREFIX = /^(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|自治州|地区|盟))+$/;
/** An agency's own name that starts with its county-level place: 洪泽区人民政府, 洪泽区市场监督管理局. */
const LOCAL_NAME = /^[\u4e00-\u9fff]{1,6}?(?:区|县|市|旗)[\u4e00-\u9fff]{2,}/;

/**
 * The names an agency printed with its region in front ("淮安市洪泽区人民政府")
 * has without it ("洪泽区人民政府"), longest first.
 */
export function namesWithoutRegion(name: string): string[] {
  const names: string[] = [];
  for (let split = 2; split < name.length - 3; split += 1) {
    const rest = name.slice(split);
    if (REGION_PREFIX.test(name.slice(0, split)) && LOCAL_NAME.test(rest)) names.push(rest);
  }
  return names;
}

/** The most local form of a name: without any region in front ("洪泽区人民政府" for "江苏省淮安市洪泽区人民政府"). */
export function localNameOf(name: string): string {
  return namesWithoutRegion(name).at(-1) ?? name;
}
