import { Field, Int, ObjectType } from 'type-graphql';

const WARNING_CODES = [
  'PART_NOT_FOUND: a part has no heading the parser recognises',
  'TABLES_NOT_READ: the tables are in no recognised template generation, so only the parts are stored',
  'TABLE_NOT_FOUND: a table\'s figures were not found; its cells are MISSING',
  'ROW_NOT_FOUND: a template row was not found; its cells are MISSING',
  'UNRECOGNISED_ROW: a line of a table holds values but no label of the template; it is not read',
  'EXTRA_CELLS: a row printed more values than it has cells; its cells are MISSING',
  'LOST_CELL: a row printed fewer values than it has cells; they are placed by the table identities when those fix them, else MISSING',
  'INFERRED_CELL: a cell not found was recomputed from a table identity',
  'SINGLE_ROW_BLOCK: a 2021 table prints （六）其他处理 as one row; its three rows are 0 when that row is all 0, else MISSING',
  'UNREADABLE_VALUE: a value is not a number (or too large to be one); the cell is MISSING, its text kept in raw',
  'TRUNCATED: the text stops partway through a table (a page cut off); what was printed is read, every cell after the last row read is MISSING and never inferred',
].join('; ');

@ObjectType('ParseWarning', { description: 'Something the parser could not read as the template prints it' })
export class ParseWarningType {
  @Field({ description: WARNING_CODES })
  code!: string;

  @Field({ description: 'What was not read, naming the table, row or part' })
  message!: string;

  @Field(() => Int, { nullable: true, description: 'Source line the warning is about' })
  line?: number;

  @Field({ nullable: true, description: 'Cell, row or table address the warning is about' })
  address?: string;
}
