const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇二三 → 2023 (digit by digit), 十二 → 12, 二十 → 20, 三十一 → 31; undefined for anything else. */
export function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const chars = [...text];
  if (chars.length === 0 || !chars.every((c) => c in DIGITS || c === '十')) return undefined;
  if (!text.includes('十')) return chars.reduce((n, c) => n * 10 + DIGITS[c]!, 0);
  const [tens, ones] = text.split('十') as [string, string];
  if (tens.length > 1 || ones.length > 1) return undefined;
  return (tens === '' ? 1 : DIGITS[tens]!) * 10 + (ones === '' ? 0 : DIGITS[ones]!);
}

export const CHINESE_NUMERAL_CLASS = '〇零一二三四五六七八九十两';
