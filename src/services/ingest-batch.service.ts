import type { EntityManager } from 'typeorm';
import { IngestBatchItem } from '../entities/ingest-batch-item.entity';
import { IngestBatch } from '../entities/ingest-batch.entity';
import type { BatchKind } from '../entities/history.types';

export interface BatchStart {
  kind: BatchKind;
  source: string;
  actor: string | null;
  reason?: string | null;
}

export type BatchItemRecord = Omit<IngestBatchItem, 'id' | 'batchId' | 'batch'>;

export function openBatch(manager: EntityManager, start: BatchStart): Promise<IngestBatch> {
  return manager.save(manager.create(IngestBatch, { ...start, reason: start.reason ?? null, finishedAt: null, rolledBackAt: null, rolledBackBy: null }));
}

export async function recordItem(manager: EntityManager, batchId: number, item: BatchItemRecord): Promise<void> {
  await manager.insert(IngestBatchItem, { ...item, batchId });
}

export async function closeBatch(manager: EntityManager, batchId: number): Promise<void> {
  await manager.update(IngestBatch, { id: batchId }, { finishedAt: new Date().toISOString() });
}

/** A batch of one item, opened and closed within the caller's transaction (a mutation call, an activation). */
export async function singleItemBatch(manager: EntityManager, start: BatchStart, item: BatchItemRecord): Promise<IngestBatch> {
  const batch = await openBatch(manager, start);
  await recordItem(manager, batch.id, item);
  await closeBatch(manager, batch.id);
  return batch;
}

/** The newest batches first. */
export function latestBatches(manager: EntityManager, first: number): Promise<IngestBatch[]> {
  return manager.find(IngestBatch, { order: { id: 'DESC' }, take: first });
}

export function itemsOf(manager: EntityManager, batchId: number): Promise<IngestBatchItem[]> {
  return manager.find(IngestBatchItem, { where: { batchId }, order: { id: 'ASC' } });
}
