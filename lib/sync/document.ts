/**
 * What sync keeps: a document of entities (a saved item, a preference, later a highlight), each
 * with a last-writer-wins register per field and an optional tombstone. It is a state-based CRDT:
 * `mergeDocuments` is commutative, associative and idempotent, so browsers that exchange states in
 * any order, any number of times, end with the same document (tests/unit/lib/sync/document.test.ts
 * checks it with fast-check).
 *
 * Deletion and resurrection: a tombstone records when the entity was deleted and by which device.
 * An entity is visible when at least one of its fields changed after its tombstone, and hidden
 * otherwise. So a copy that merely existed before the deletion never brings an item back, but an
 * edit made after it does — with everything the item had. Delete on A at t=10 and add a note on B
 * at t=12: the note is newer than the deletion, the user's last action was to work on the item,
 * and it stays (with its note) on both. Saving the same page again after removing it works the
 * same way, which a "deletion always wins" rule would break. Fields are kept beside the tombstone
 * (merging never drops a register), which is what keeps the merge a lattice join.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Stamps are whole seconds (kept in ms): finer times cost room in the sync store and order nothing
 * a user can do. Two devices' edits within one second are ordered by device id.
 */
export const STAMP_UNIT = 1000;

/** A time as a stamp: rounded up, so a stamp is never earlier than the change it marks. */
export function stampTime(ms: number): number {
  return Math.ceil(ms / STAMP_UNIT) * STAMP_UNIT;
}

/** When a register or tombstone was written: a time (ms, whole seconds) and the writing device. */
export interface Stamp {
  readonly t: number;
  readonly d: string;
}

export interface Register extends Stamp {
  readonly v: Json;
}

export interface Entity {
  readonly fields: Readonly<Record<string, Register>>;
  readonly deleted: Stamp | null;
}

/** Entities by key, `<kind>:<id>` (`item:page:…`, `pref:theme`). */
export type SyncDocument = ReadonlyMap<string, Entity>;

export const EMPTY_DOCUMENT: SyncDocument = new Map();

/** Deterministic JSON: object keys sorted, so equal values always give equal text. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as Json)}`).join(',')}}`;
}

export function sameJson(a: Json, b: Json): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}

/** Orders stamps by time, then by device id, so two devices writing in the same millisecond agree. */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.t !== b.t) return a.t < b.t ? -1 : 1;
  return a.d < b.d ? -1 : a.d > b.d ? 1 : 0;
}

/** The winning register; equal stamps with different values (never written by one device) compare by value. */
export function newerRegister(a: Register, b: Register): Register {
  const byStamp = compareStamps(a, b);
  if (byStamp !== 0) return byStamp > 0 ? a : b;
  return canonicalJson(a.v) >= canonicalJson(b.v) ? a : b;
}

function newerStamp(a: Stamp | null, b: Stamp | null): Stamp | null {
  if (!a) return b;
  if (!b) return a;
  return compareStamps(a, b) >= 0 ? a : b;
}

export function mergeEntities(a: Entity, b: Entity): Entity {
  const fields: Record<string, Register> = { ...a.fields };
  for (const [name, register] of Object.entries(b.fields)) {
    const mine = fields[name];
    fields[name] = mine ? newerRegister(mine, register) : register;
  }
  return { fields, deleted: newerStamp(a.deleted, b.deleted) };
}

export function mergeDocuments(a: SyncDocument, b: SyncDocument): SyncDocument {
  const merged = new Map(a);
  for (const [key, entity] of b) {
    const mine = merged.get(key);
    merged.set(key, mine ? mergeEntities(mine, entity) : entity);
  }
  return merged;
}

/** The newest register of an entity, or null when it has none. */
export function latestChange(entity: Entity): Stamp | null {
  let latest: Stamp | null = null;
  for (const register of Object.values(entity.fields)) latest = newerStamp(latest, register);
  return latest;
}

/** Whether the user sees the entity: it has fields, and one changed after any deletion. */
export function isVisible(entity: Entity): boolean {
  const latest = latestChange(entity);
  if (!latest) return false;
  return !entity.deleted || compareStamps(latest, entity.deleted) > 0;
}

export function entityKey(kind: string, id: string): string {
  return `${kind}:${id}`;
}

/** Splits `<kind>:<id>`; the id may itself contain colons (`item:page:…`). */
export function splitEntityKey(key: string): { kind: string; id: string } {
  const colon = key.indexOf(':');
  return colon < 0 ? { kind: key, id: '' } : { kind: key.slice(0, colon), id: key.slice(colon + 1) };
}

function canonicalEntity(entity: Entity): string {
  const fields = Object.keys(entity.fields)
    .sort()
    .map((name) => {
      const r = entity.fields[name] as Register;
      return `${JSON.stringify(name)}:[${r.t},${JSON.stringify(r.d)},${canonicalJson(r.v)}]`;
    });
  const deleted = entity.deleted ? `[${entity.deleted.t},${JSON.stringify(entity.deleted.d)}]` : 'null';
  return `{${fields.join(',')}}${deleted}`;
}

/** Deterministic text of a whole document: equal documents, equal text. */
export function canonicalDocument(doc: SyncDocument): string {
  return [...doc.keys()]
    .sort()
    .map((key) => `${JSON.stringify(key)}=${canonicalEntity(doc.get(key) as Entity)}`)
    .join('\n');
}

export function documentsEqual(a: SyncDocument, b: SyncDocument): boolean {
  if (a.size !== b.size) return false;
  for (const [key, entity] of a) {
    const other = b.get(key);
    if (!other || canonicalEntity(entity) !== canonicalEntity(other)) return false;
  }
  return true;
}

/** What the user sees: visible entities only, field values only. */
export function visibleValues(doc: SyncDocument): Map<string, Record<string, Json>> {
  const out = new Map<string, Record<string, Json>>();
  for (const [key, entity] of doc) {
    if (!isVisible(entity)) continue;
    const values: Record<string, Json> = {};
    for (const [name, register] of Object.entries(entity.fields)) values[name] = register.v;
    out.set(key, values);
  }
  return out;
}
