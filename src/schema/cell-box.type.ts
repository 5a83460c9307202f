import { Field, Float, ObjectType } from 'type-graphql';
import type { CellBox as Box } from '../ingest/cell-box';

@ObjectType('CellBox', {
  description:
    "Where a value read from a PDF is printed on its page, in PDF points (1/72 inch) from the page's bottom-left corner, y growing upwards: (x, y) is the left end of the text's baseline, the box spans width to the right and height (the font size) up",
  simpleResolvers: true,
})
export class CellBoxType implements Box {
  @Field(() => Float, { description: 'Left edge, points from the left of the page' })
  x!: number;

  @Field(() => Float, { description: "The text's baseline, points from the bottom of the page" })
  y!: number;

  @Field(() => Float, { description: 'Width of the printed text, points' })
  width!: number;

  @Field(() => Float, { description: 'Height above the baseline (the font size), points' })
  height!: number;
}
