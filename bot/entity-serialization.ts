/**
 * botbuilder 4.23.x serialises outgoing activities with @azure/core-client, whose composite
 * mapper keeps only the properties a model declares: an entity keeps `type`, `text` and
 * `mentioned` and loses everything else, so a citation entity (`@type`, `citation`,
 * `additionalType`) reaches Teams as `{ type }` alone. Upstream fixed this by declaring
 * `additionalProperties` on the Entity model (microsoft/botbuilder-js PR #4903, "unmapped additional
 * properties in the Entity"); 4.23.3, the newest release, does not have it yet. This applies the
 * same one-line model change to the mapper the connector client uses, once, and is a no-op when the
 * installed botbuilder already declares it. test/bot/citations.test.ts checks the wire format.
 */
import { createRequire } from 'node:module';

interface CompositeMapper {
  type: { additionalProperties?: unknown };
}

let applied = false;

export function keepEntityProperties(): void {
  if (applied) return;
  applied = true;
  const require = createRequire(import.meta.url);
  const mappers = require('botframework-connector/lib/connectorApi/models/mappers.js') as { Entity?: CompositeMapper };
  if (mappers.Entity && mappers.Entity.type.additionalProperties === undefined) {
    mappers.Entity.type.additionalProperties = { type: { name: 'Object' } };
  }
}
