/**
 * A fresh in-memory PGlite holding the corpus in two layouts, stored through the ingest worker's
 * own path (workers/ingest.processor.ts: `replaceDocumentContent` inside a transaction, fed the
 * parse result the sandbox sends), so whatever ingest adds (evidence units …) is in the eval too.
 * - primary: each real document in a group of its own; the five seeds together in one group;
 * - crowded: all real budgets in one group, all real minutes in another (shows wrong-document choice).
 */
import path from 'node:path';
import type { Analysis } from '../parsers/analyse.js';
import type { ParseResult } from '../core/queues.js';
import { openDb, type Db } from '../store/db.js';
import { insertDocument } from '../store/documents.js';
import { replaceDocumentContent } from '../store/facts.js';
import { ensureGroup } from '../store/groups.js';
import { migrate } from '../store/migrate.js';
import type { EvalDoc } from './corpus.js';

export type Layout = 'primary' | 'crowded';

export interface StoredCorpus {
  db: Db;
  /** Group id per layout and EvalDoc id (seeds share one group in `primary`, none in `crowded`). */
  groupOf: Record<Layout, Map<string, string>>;
  /** Database document id → EvalDoc id. */
  docOfRow: Map<string, string>;
  /** Creating and migrating the empty database. */
  openMs: number;
  ingestMs: number;
}

const MIME: Record<string, string> = { '.pdf': 'application/pdf', '.txt': 'text/plain', '.md': 'text/markdown' };

/** What the parse sandbox hands the ingest worker (workers/parse-thread.ts drops the positioned lines). */
export function asParseResult(a: Analysis): ParseResult {
  return { ...a, pages: a.pages.map((p) => ({ ...p, lines: [] })) };
}

function groupName(layout: Layout, doc: EvalDoc): string | null {
  if (layout === 'primary') return doc.group === 'seeds' ? 'eval-seeds' : `eval-${doc.id}`;
  return doc.group === 'seeds' ? null : `eval-all-${doc.group}`;
}

export async function storeCorpus(docs: ReadonlyArray<{ doc: EvalDoc; sha256: string; sizeBytes: number; analysis: Analysis | null }>): Promise<StoredCorpus> {
  const t0 = performance.now();
  const db = await openDb({ databaseUrl: undefined, dataDir: '', memory: true });
  await migrate(db);
  const t1 = performance.now();
  const groupOf: StoredCorpus['groupOf'] = { primary: new Map(), crowded: new Map() };
  const docOfRow = new Map<string, string>();
  for (const layout of ['primary', 'crowded'] as const) {
    for (const { doc, sha256, sizeBytes, analysis } of docs) {
      const name = groupName(layout, doc);
      if (!name) continue;
      const group = await ensureGroup(db, name);
      groupOf[layout].set(doc.id, group.id);
      // A file the pipeline rejected is a failed document: it answers nothing, as in production.
      if (!analysis) continue;
      const { row } = await insertDocument(db, {
        groupId: group.id,
        sha256,
        fileName: path.basename(doc.file),
        mimeType: MIME[path.extname(doc.file)] ?? null,
        sizeBytes,
        uploaderId: 'eval',
        uploaderName: 'eval',
      });
      docOfRow.set(row.id, doc.id);
      const result = asParseResult(analysis);
      await db.transaction((q) => replaceDocumentContent(q, row.id, group.id, { ...result, facts: result.facts }));
    }
  }
  return { db, groupOf, docOfRow, openMs: t1 - t0, ingestMs: performance.now() - t1 };
}
