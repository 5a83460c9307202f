import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Agency } from '../entities/agency.entity';
import { IngestBatchItem } from '../entities/ingest-batch-item.entity';
import type { GatewayContext } from '../server/context';

@Resolver(() => IngestBatchItem)
export class BatchItemResolver {
  @FieldResolver(() => Agency, { nullable: true, description: 'The report\'s agency (with year: which report); null for a refused file' })
  async agency(@Root() item: IngestBatchItem, @Ctx() { loaders }: GatewayContext): Promise<Agency | undefined> {
    return item.agencyId === null ? undefined : loaders.agency.load(item.agencyId);
  }
}
