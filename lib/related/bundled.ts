import modelJson from '@/assets/data/related-model.json';
import { ARTICLES } from '@/lib/corpus/catalog';
import { createRelatedEngine, type RelatedEngine } from '@/lib/related/engine';
import type { SerializedRelatedModel } from '@/lib/related/model';

let engine: RelatedEngine | undefined;

export function getBundledRelatedEngine(): RelatedEngine {
  engine ??= createRelatedEngine(modelJson as SerializedRelatedModel, ARTICLES);
  return engine;
}
