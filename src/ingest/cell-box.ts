/**
 * Where a value is printed on its PDF page, in PDF points (1/72 inch) in the
 * page's own coordinates: the origin is the page's bottom-left corner and y
 * grows upwards. (x, y) is the left end of the text's baseline; the box spans
 * `width` to the right and `height` (the font size) up from the baseline.
 */
export interface CellBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** To a hundredth of a point: finer than print, and the stored readings stay short. */
export function roundBox(box: CellBox): CellBox {
  const round = (n: number) => Math.round(n * 100) / 100;
  return { x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) };
}

/**
 * The box of characters [start, end) of a run printed in `box` holding
 * `length` characters: a run that holds several values ("0 0 0") is shared
 * among them by characters, as the width of a digit is about the same.
 */
export function charactersBox(box: CellBox, length: number, start: number, end: number): CellBox {
  if (length <= 0) return roundBox(box);
  const perChar = box.width / length;
  return roundBox({ x: box.x + start * perChar, y: box.y, width: (end - start) * perChar, height: box.height });
}
