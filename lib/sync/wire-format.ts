import { fragmentlessPageItemId } from '@/lib/db/ids';
import {
  type Entity,
  isVisible,
  type Json,
  type Register,
  STAMP_UNIT,
  type Stamp,
  splitEntityKey,
} from '@/lib/sync/document';
import { hasTombstones, ITEM_FIELD_SCHEMAS, ITEM_FIELDS, ITEM_KIND, ITEM_STATUSES } from '@/lib/sync/entity-kinds';
import { z } from '@/lib/zod/classic';

/**
 * One chunk's entities as compact JSON (before compression). Items, most of what syncs, are
 * arrays with times relative to the item's own base time and devices as indexes into a table:
 *
 *   { b: base time, d: [device ids], i: [item records], g: [other entities] }   (times in seconds)
 *   item record: [id, t0 - b, device index, tombstone, field mask, ...values, overrides?]
 *
 * `id` is "" for a page whose id is the hash of its address (22 random characters saved an
 * item); `tombstone` is null, a time relative to t0 (same device), or [time, device]; `overrides`
 * lists [field index, time relative to t0, device?] for fields not written at t0 by that device.
 * A deleted item travels as its tombstone alone: its fields cannot make it visible again, and a
 * device that still has them keeps them. Any other kind (preferences, and kinds a newer Shelf
 * adds) travels self-described in `g`, so an older version keeps and passes it on.
 */
/** The latest time a Date can hold, in seconds. */
const MAX_SECONDS = 8_640_000_000_000;
const time = z.number().int().min(-MAX_SECONDS).max(MAX_SECONDS);
const deviceIndex = z.number().int().nonnegative();
const jsonValue: z.ZodType<Json> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);
const fieldName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/);

const genericRecordSchema = z.tuple([
  z
    .string()
    .regex(/^[a-z]+:./)
    .max(400),
  z.union([z.null(), z.tuple([time, deviceIndex])]),
  z.record(fieldName, z.tuple([jsonValue, time, deviceIndex])),
]);
const chunkPayloadSchema = z.strictObject({
  b: z.number().int().nonnegative().max(MAX_SECONDS),
  d: z.array(z.string().min(1).max(64)),
  i: z.array(z.array(jsonValue)).optional(),
  g: z.array(genericRecordSchema).optional(),
});
export type ChunkPayload = z.infer<typeof chunkPayloadSchema>;

const overrideSchema = z.union([z.tuple([z.number().int(), time]), z.tuple([z.number().int(), time, deviceIndex])]);
const itemHeadSchema = z.tuple([
  z.string().max(300),
  time,
  deviceIndex,
  z.union([z.null(), time, z.tuple([time, deviceIndex])]),
  z.number().int().min(0).max(127),
]);

/** A chunk that does not read as this format; the whole remote state is then set aside. */
export class WireFormatError extends Error {}

/** A stamp's time in seconds, as the chunk stores it. */
function seconds(ms: number): number {
  if (ms % STAMP_UNIT !== 0) throw new Error('a sync stamp must be whole seconds');
  return ms / STAMP_UNIT;
}

function packValue(field: (typeof ITEM_FIELDS)[number], value: Json, t0: number): Json {
  if (field === 'status') return ITEM_STATUSES.indexOf(value as never);
  if (field === 'addedAt') return (value as number) - t0;
  return value;
}

function unpackValue(field: (typeof ITEM_FIELDS)[number], packed: Json, t0: number): Json {
  if (field === 'status') return typeof packed === 'number' ? (ITEM_STATUSES[packed] ?? null) : null;
  if (field === 'addedAt') return typeof packed === 'number' ? packed + t0 : null;
  return packed;
}

class DeviceTable {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  of(device: string): number {
    let found = this.index.get(device);
    if (found === undefined) {
      found = this.ids.length;
      this.ids.push(device);
      this.index.set(device, found);
    }
    return found;
  }
}

function itemRecord(id: string, entity: Entity, base: number, devices: DeviceTable): Json[] {
  const present = ITEM_FIELDS.filter((field) => entity.fields[field]);
  const baseStamp: Stamp =
    entity.fields.addedAt ?? (present[0] && entity.fields[present[0]]) ?? (entity.deleted as Stamp);
  const t0 = baseStamp.t;
  const url = entity.fields.url?.v;
  // Left out only when every version derives it alike (`fragmentlessPageItemId`: not one without tracking parameters).
  const derivable = typeof url === 'string' && id.startsWith('page:') && fragmentlessPageItemId(url) === id;
  const deleted = entity.deleted;
  const tombstone =
    deleted === null
      ? null
      : deleted.d === baseStamp.d
        ? seconds(deleted.t - t0)
        : [seconds(deleted.t - t0), devices.of(deleted.d)];
  let mask = 0;
  const values: Json[] = [];
  const overrides: Json[] = [];
  ITEM_FIELDS.forEach((field, index) => {
    const register = entity.fields[field];
    if (!register) return;
    mask |= 1 << index;
    values.push(packValue(field, register.v, t0));
    if (register.t !== t0 || register.d !== baseStamp.d)
      overrides.push(
        register.d === baseStamp.d
          ? [index, seconds(register.t - t0)]
          : [index, seconds(register.t - t0), devices.of(register.d)],
      );
  });
  const record: Json[] = [derivable ? '' : id, seconds(t0 - base), devices.of(baseStamp.d), tombstone, mask, ...values];
  if (overrides.length > 0) record.push(overrides);
  return record;
}

/**
 * An entity as it travels: an item or highlight deleted for good (no field newer than its tombstone) goes as
 * its tombstone only; everything else goes whole.
 */
export function transportForm(key: string, entity: Entity): Entity {
  if (!hasTombstones(splitEntityKey(key).kind) || isVisible(entity)) return entity;
  return { fields: {}, deleted: entity.deleted };
}

/**
 * The payload of one chunk, entities in transport form — or `whole`, fields of deleted items
 * included, as this browser keeps its own copy.
 */
export function packEntities(entries: readonly (readonly [string, Entity])[], { whole = false } = {}): ChunkPayload {
  const forms = entries
    .map(([key, entity]) => [key, whole ? entity : transportForm(key, entity)] as const)
    .filter(([, entity]) => entity.deleted || Object.keys(entity.fields).length > 0);
  let base = Number.POSITIVE_INFINITY;
  for (const [, entity] of forms) {
    for (const register of Object.values(entity.fields)) base = Math.min(base, register.t);
    if (entity.deleted) base = Math.min(base, entity.deleted.t);
  }
  if (!Number.isFinite(base)) base = 0;
  const devices = new DeviceTable();
  const items: Json[][] = [];
  const generic: z.infer<typeof genericRecordSchema>[] = [];
  for (const [key, entity] of forms) {
    const { kind, id } = splitEntityKey(key);
    if (kind === ITEM_KIND) {
      items.push(itemRecord(id, entity, base, devices));
      continue;
    }
    const fields: Record<string, [Json, number, number]> = {};
    for (const [name, register] of Object.entries(entity.fields))
      fields[name] = [register.v, seconds(register.t - base), devices.of(register.d)];
    const deleted = entity.deleted
      ? ([seconds(entity.deleted.t - base), devices.of(entity.deleted.d)] as [number, number])
      : null;
    generic.push([key, deleted, fields]);
  }
  const payload: ChunkPayload = { b: seconds(base), d: devices.ids };
  if (items.length > 0) payload.i = items;
  if (generic.length > 0) payload.g = generic;
  return payload;
}

function stamp(ms: number, device: string): Stamp {
  if (ms < 0 || ms > MAX_SECONDS * STAMP_UNIT) throw new WireFormatError('a change time is out of range');
  return { t: ms, d: device };
}

function device(devices: readonly string[], index: number): string {
  const id = devices[index];
  if (id === undefined) throw new WireFormatError('a record names a device the chunk does not list');
  return id;
}

function readItem(record: Json[], base: number, devices: readonly string[]): [string, Entity] {
  const head = itemHeadSchema.safeParse(record.slice(0, 5));
  if (!head.success) throw new WireFormatError('an item record is malformed');
  const [storedId, relativeT0, deviceAt, tombstone, mask] = head.data;
  const t0 = base + relativeT0 * STAMP_UNIT;
  const d0 = device(devices, deviceAt);
  const present = ITEM_FIELDS.filter((_, index) => mask & (1 << index));
  const rest = record.slice(5);
  if (rest.length !== present.length && rest.length !== present.length + 1)
    throw new WireFormatError('an item record has the wrong number of values');
  const stampOf = new Map<number, Stamp>();
  if (rest.length > present.length) {
    const overrides = z.array(overrideSchema).safeParse(rest[present.length]);
    if (!overrides.success) throw new WireFormatError('an item record has malformed change times');
    for (const [index, relative, at] of overrides.data)
      stampOf.set(index, stamp(t0 + relative * STAMP_UNIT, at === undefined ? d0 : device(devices, at)));
  }
  const fields: Record<string, Register> = {};
  present.forEach((field, i) => {
    const value = ITEM_FIELD_SCHEMAS[field].safeParse(unpackValue(field, rest[i] as Json, t0));
    if (!value.success) throw new WireFormatError(`an item has an invalid ${field}`);
    fields[field] = { v: value.data, ...(stampOf.get(ITEM_FIELDS.indexOf(field)) ?? stamp(t0, d0)) };
  });
  let id = storedId;
  if (id === '') {
    const url = fields.url?.v;
    if (typeof url !== 'string') throw new WireFormatError('an item has neither an id nor an address');
    id = fragmentlessPageItemId(url);
  }
  const deleted =
    tombstone === null
      ? null
      : Array.isArray(tombstone)
        ? stamp(t0 + tombstone[0] * STAMP_UNIT, device(devices, tombstone[1]))
        : stamp(t0 + tombstone * STAMP_UNIT, d0);
  if (present.length === 0 && !deleted) throw new WireFormatError('an item record holds nothing');
  return [`${ITEM_KIND}:${id}`, { fields, deleted }];
}

/** The entities of a chunk payload, checked; throws WireFormatError on anything out of shape. */
export function unpackEntities(raw: unknown): [string, Entity][] {
  const parsed = chunkPayloadSchema.safeParse(raw);
  if (!parsed.success) throw new WireFormatError('a chunk is not in the sync format');
  const { d: devices, i: items = [], g: generic = [] } = parsed.data;
  const base = parsed.data.b * STAMP_UNIT;
  const out = items.map((record) => readItem(record, base, devices));
  for (const [key, deleted, rawFields] of generic) {
    if (splitEntityKey(key).kind === ITEM_KIND) throw new WireFormatError('an item is in the wrong section');
    const fields: Record<string, Register> = {};
    for (const [name, [v, t, at]] of Object.entries(rawFields))
      fields[name] = { v, ...stamp(base + t * STAMP_UNIT, device(devices, at)) };
    const tombstone = deleted ? stamp(base + deleted[0] * STAMP_UNIT, device(devices, deleted[1])) : null;
    out.push([key, { fields, deleted: tombstone }]);
  }
  return out;
}
