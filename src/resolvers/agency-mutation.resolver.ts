import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Agency } from '../entities/agency.entity';
import { badUserInput } from '../errors/bad-user-input';
import { AgencyMetadataInput } from '../schema/mutation.inputs';
import type { GatewayContext } from '../server/context';
import { setAgencyMetadata } from '../services/agency-metadata.service';
import { findAgencyNamed } from '../services/agency-names.service';
import { parseId } from '../services/report-filter';

@Resolver()
export class AgencyMutationResolver {
  @Mutation(() => Agency, { description: 'Set full name, short name, region, level or parent (needs an API key)' })
  async setAgencyMetadata(@Ctx() { dataSource, authorize }: GatewayContext, @Arg('input', () => AgencyMetadataInput) input: AgencyMetadataInput): Promise<Agency> {
    authorize('setAgencyMetadata');
    return dataSource.transaction(async (manager) => {
      const agency = input.id != null ? await manager.findOneBy(Agency, { id: parseId(input.id, 'input.id') }) : input.name ? await findAgencyNamed(manager, input.name, 'input.name') : undefined;
      if (agency === undefined) throw badUserInput('setAgencyMetadata needs input.id or input.name', 'input');
      if (!agency) throw badUserInput(`no agency ${input.id ?? input.name}`, 'input');
      const parentId = input.parentId === undefined ? undefined : input.parentId === null ? null : parseId(input.parentId, 'input.parentId');
      return setAgencyMetadata(manager, agency, { fullName: input.fullName, shortName: input.shortName, region: input.region, level: input.level, parentId });
    });
  }
}
