import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { IngestBatchItem } from '../entities/ingest-batch-item.entity';
import { IngestBatch } from '../entities/ingest-batch.entity';
import { BatchCounts, countItems } from '../schema/history.types';
import type { GatewayContext } from '../server/context';
import { latestBatches } from '../services/ingest-batch.service';

@Resolver(() => IngestBatch)
export class BatchResolver {
  @Query(() => [IngestBatch], { description: 'Ingest runs and activations, newest first' })
  batches(@Ctx() { db }: GatewayContext, @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100' }) first: number): Promise<IngestBatch[]> {
    return latestBatches(db, first);
  }

  @FieldResolver(() => [IngestBatchItem], { description: 'Each file, in the order it was read' })
  items(@Root() batch: IngestBatch, @Ctx() { loaders }: GatewayContext): Promise<IngestBatchItem[]> {
    return loaders.batchItems.load(batch.id);
  }

  @FieldResolver(() => BatchCounts)
  async counts(@Root() batch: IngestBatch, @Ctx() { loaders }: GatewayContext): Promise<BatchCounts> {
    return countItems(await loaders.batchItems.load(batch.id));
  }
}
