import { GENERATION_MIN_SIGNATURES, GENERATION_SIGNATURES } from '../template/generations.template';
import { normalizeLabel } from '../template/label-normalize';
import type { Generation } from '../template/template.types';

/** The template generation whose signature strings the text prints most (at least the minimum). */
export function detectGeneration(text: string): Generation {
  const normalized = normalizeLabel(text);
  let best: Generation = 'UNRECOGNISED';
  let bestCount = GENERATION_MIN_SIGNATURES - 1;
  for (const [generation, signatures] of Object.entries(GENERATION_SIGNATURES)) {
    const count = signatures.filter((s) => normalized.includes(normalizeLabel(s))).length;
    if (count > bestCount) {
      best = generation as Generation;
      bestCount = count;
    }
  }
  return best;
}
