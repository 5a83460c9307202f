import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ParseWarning', { description: 'Something the parser could not read as the template prints it' })
export class ParseWarningType {
  @Field()
  code!: string;

  @Field()
  message!: string;

  @Field(() => Int, { nullable: true })
  line?: number;

  @Field({ nullable: true, description: 'Cell, row or table address the warning is about' })
  address?: string;
}
