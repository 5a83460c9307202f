import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Section } from '../entities/section.entity';
import type { GatewayContext } from '../server/context';

@Resolver(() => Section)
export class SectionResolver {
  @FieldResolver(() => [Section], { description: 'Sub-parts, in order' })
  async children(@Root() section: Section, @Ctx() { loaders }: GatewayContext): Promise<Section[]> {
    return (await loaders.sections.load(section.reportId)).filter((s) => s.parentCode === section.code);
  }
}
