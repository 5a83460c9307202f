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
