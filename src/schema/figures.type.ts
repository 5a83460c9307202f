import { Field, Float, ObjectType } from 'type-graphql';
import { FigureNameEnum } from './enums';
import { FIGURE_NAMES, type FigureName } from '../figures/figure-definitions';
import { figureDescription } from '../figures/metric-dictionary';

/** One nullable number per figure. */
export type Figures = Record<FigureName, number | null>;

@ObjectType('Figures', {
  description: 'Counts and rates computed from the report\'s cells (addresses table/row/column); each is null, never a fake 0, when an input cell is not a number or its denominator is 0 (figure(name) says why)',
  simpleResolvers: true,
})
export class FiguresType {}

// One field per figure, each described by its own formula: the schema cannot list a figure that is not defined, or a formula that is not the one computed.
for (const name of FIGURE_NAMES) Field(() => Float, { nullable: true, description: figureDescription(name) })(FiguresType.prototype, name);

@ObjectType({ description: 'A derived figure with its inputs' })
export class Figure {
  @Field(() => FigureNameEnum)
  name!: FigureName;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  numerator!: number | null;

  @Field(() => Float, { nullable: true, description: 'null for counts' })
  denominator!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the value is null' })
  reason!: string | null;
}

/** A value against the year before: the fields of a report's and of a group's year over year. */
@ObjectType()
export abstract class ChangeOverYear {
  @Field(() => Float, { nullable: true, description: 'The value the year before' })
  previous!: number | null;

  @Field(() => Float, { nullable: true, description: 'The value this year' })
  current!: number | null;

  @Field(() => Float, { nullable: true, description: 'current − previous' })
  absolute!: number | null;

  @Field(() => Float, { nullable: true, description: 'absolute ÷ previous; null when previous is 0 or missing' })
  relative!: number | null;

  @Field(() => String, { nullable: true, description: 'Why a value is null' })
  reason!: string | null;
}

@ObjectType({ description: 'A measure this year against the same agency\'s report of the year before' })
export class YearOverYear extends ChangeOverYear {
  @Field({ description: 'A cell address or a figure name' })
  measure!: string;
}
