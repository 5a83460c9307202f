import { Field, ObjectType } from 'type-graphql';
import { TableCell } from '../entities/table-cell.entity';

@ObjectType({ description: 'A row of a template table with its cells in column order' })
export class TableRow {
  @Field()
  code!: string;

  @Field({ description: 'The official label' })
  label!: string;

  @Field(() => [TableCell])
  cells!: TableCell[];
}

@ObjectType({ description: 'Table t2, t3 or t4 of a report' })
export class Table {
  @Field()
  code!: string;

  @Field()
  title!: string;

  @Field(() => [TableRow])
  rows!: TableRow[];
}
