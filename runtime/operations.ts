/**
 * Operations on a runtime that the CLI runs locally, or asks the running main job to run over
 * its loopback API when that job owns the embedded database. Inputs and outputs are JSON.
 * The answer engine and the reminders (their holiday calendar) load only in the operations that
 * use them: a one-shot `minutes status` or `ingest` would otherwise import them for nothing.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../core/errors.js';
import { ingestJobId, type Uploader } from '../core/queues.js';
import { forgetDocument, matchDocuments } from '../queue/forget.js';
import { reconcileDocuments } from '../queue/reconcile.js';
import { retryDocument, submitDocument } from '../queue/submit.js';
import { ensureGroup, getGroupByName } from '../store/groups.js';
import { getDocument, listDocuments } from '../store/documents.js';
import type { PlannedReminder } from '../reminders/types.js';
import type { Runtime } from './runtime.js';

export interface SubmitFilesParams {
  group: string;
  /** Absolute paths on this machine. */
  files: string[];
  uploader: Uploader;
}

export interface SubmittedFile {
  file: string;
  documentId: string | null;
  jobId: string | null;
  status: 'queued' | 'requeued' | 'duplicate' | 'rejected';
  /** For duplicates: the existing document's state; for rejected: why. */
  existingStatus?: string;
  uploadedBy?: string | null;
  uploadedAt?: string;
  pages?: number | null;
  errorCode?: string;
  message?: string;
}

export async function submitFiles(rt: Runtime, params: SubmitFilesParams): Promise<SubmittedFile[]> {
  const group = await ensureGroup(rt.db, params.group);
  const out: SubmittedFile[] = [];
  for (const file of params.files) {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (err) {
      const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
      out.push({ file, documentId: null, jobId: null, status: 'rejected', errorCode: 'not-found', message: `Cannot read ${file}: ${why}` });
      continue;
    }
    const r = await submitDocument(
      { db: rt.db, blobs: rt.blobs, queues: rt.queues, parseLimits: rt.config.parse },
      { groupId: group.id, fileName: path.basename(file), bytes, uploader: params.uploader },
    );
    out.push({
      file,
      documentId: r.documentId,
      jobId: r.jobId,
      status: r.status,
      existingStatus: r.existing.status,
      uploadedBy: r.existing.uploader_name ?? r.existing.uploader_id,
      uploadedAt: new Date(r.existing.created_at).toISOString(),
      pages: r.existing.page_count,
    });
  }
  return out;
}

export interface StatusRow {
  group: string;
  documentId: string;
  fileName: string;
  status: string;
  pages: number | null;
  kind: string | null;
  date: string | null;
  title: string | null;
  errorCode: string | null;
  error: string | null;
  uploadedBy: string;
  uploadedAt: string;
}

export async function documentStatus(rt: Runtime, params: { group?: string }): Promise<StatusRow[]> {
  let groupIds: string[];
  if (params.group) {
    const g = await getGroupByName(rt.db, params.group);
    if (!g) throw new AppError('not-found', `There is no group named "${params.group}".`);
    groupIds = [g.id];
  } else {
    groupIds = (await rt.db.query<{ id: string }>('SELECT id FROM groups')).rows.map((r) => r.id);
  }
  const rows = await listDocuments(rt.db, groupIds);
  return rows.map((d) => ({
    group: d.group_name,
    documentId: d.id,
    fileName: d.file_name,
    status: d.status,
    pages: d.page_count,
    kind: d.kind,
    date: d.doc_date,
    title: d.title,
    errorCode: d.error_code,
    error: d.error_message,
    uploadedBy: d.uploader_name ?? d.uploader_id,
    uploadedAt: new Date(d.created_at).toISOString(),
  }));
}

export interface AskParams {
  group: string;
  questions: string[];
  asker?: { id: string; name?: string | null };
}

/** The `ask --json` contract: answer, whether the documents support it, and its sources. */
export interface CliAnswer {
  answer: string;
  found: boolean;
  citations: Array<{ document: string; page: number | null; quote: string }>;
}

export async function ask(rt: Runtime, params: AskParams): Promise<CliAnswer[]> {
  // Said plainly, as export and status do: the CLI is run by whoever administers the data.
  const group = await getGroupByName(rt.db, params.group);
  if (!group) throw new AppError('not-found', `There is no group named "${params.group}". See the groups with: minutes status`);
  const { askMany } = await import('../answers/index.js');
  const answers = await askMany(rt.db.reader, [group.id], params.questions, params.asker ?? { id: 'cli' });
  return answers.map((a) => ({
    answer: a.answer,
    found: a.found,
    citations: a.citations.map((c) => ({ document: c.document, page: c.page, quote: c.quote })),
  }));
}

export interface RemindersPlanParams {
  /** ISO date-time; the plan is for its local day in config.reminders.timezone. Default: now. */
  now?: string;
  group?: string;
}

/** The reminders that would go out at `now`, without sending anything. */
export async function remindersPlan(rt: Runtime, params: RemindersPlanParams): Promise<PlannedReminder[]> {
  const now = params.now ? new Date(params.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new AppError('bad-input', `Not a date-time: "${params.now}" (use e.g. 2026-04-14T08:00:00+02:00).`);
  let groupId: string | undefined;
  if (params.group) {
    const g = await getGroupByName(rt.db, params.group);
    if (!g) throw new AppError('not-found', `There is no group named "${params.group}".`);
    groupId = g.id;
  }
  const { planReminders } = await import('../reminders/plan.js');
  return planReminders(rt.db, { now, groupId, settings: rt.config.reminders });
}

export interface ExportParams {
  group: string;
  /** csv: for Excel with Swedish settings (';', UTF-8 BOM); csv-comma: RFC 4180 for tools; ics: calendar. */
  format: 'csv' | 'csv-comma' | 'ics';
  /** ISO date-time for "overdue" and DTSTAMP; default now. */
  now?: string;
}

/** Open action items of a group as CSV or iCalendar text. */
export async function exportActionItems(rt: Runtime, params: ExportParams): Promise<{ fileName: string; contentType: string; content: string }> {
  const g = await getGroupByName(rt.db, params.group);
  if (!g) throw new AppError('not-found', `There is no group named "${params.group}".`);
  if (!['csv', 'csv-comma', 'ics'].includes(params.format))
    throw new AppError('bad-input', `Unknown format "${String(params.format)}": use csv, csv-comma or ics.`);
  const now = params.now ? new Date(params.now) : new Date();
  const { loadExport, toCsv, toIcs } = await import('../reminders/export.js');
  const data = await loadExport(rt.db, g.id, now, rt.config.reminders.timezone);
  const base =
    g.name
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'uppgifter';
  return params.format !== 'ics'
    ? { fileName: `${base}-uppgifter.csv`, contentType: 'text/csv; charset=utf-8', content: toCsv(data, params.format === 'csv' ? 'excel' : 'comma') }
    : { fileName: `${base}-uppgifter.ics`, contentType: 'text/calendar; charset=utf-8', content: toIcs(data, { now, timezone: rt.config.reminders.timezone }) };
}

export interface RetriedDocument {
  file: string;
  documentId: string;
  jobId: string;
}

/** Queues every failed or stuck document of a group (or all groups) again, e.g. after a fix or an outage. */
export async function retryFailed(rt: Runtime, params: { group?: string }): Promise<RetriedDocument[]> {
  const rows = (await documentStatus(rt, params)).filter((r) => r.status === 'failed');
  const out: RetriedDocument[] = [];
  for (const r of rows) {
    const doc = await getDocument(rt.db, r.documentId);
    if (!doc) continue;
    const jobId = await retryDocument({ db: rt.db, blobs: rt.blobs, queues: rt.queues, parseLimits: rt.config.parse }, doc, {
      id: doc.uploader_id,
      name: doc.uploader_name,
    });
    out.push({ file: doc.file_name, documentId: doc.id, jobId });
  }
  // And documents stuck waiting for a job Redis no longer has (restarted empty): no grace here,
  // the person asked for it.
  const group = params.group ? await getGroupByName(rt.db, params.group) : null;
  if (params.group && !group) return out;
  const stuck = await reconcileDocuments({ db: rt.db, blobs: rt.blobs, queues: rt.queues, parseLimits: rt.config.parse }, { graceMs: 0, groupId: group?.id });
  for (const doc of stuck.filter((d) => !out.some((o) => o.documentId === d.id)))
    out.push({ file: doc.file_name, documentId: doc.id, jobId: ingestJobId(doc.group_id, doc.sha256) });
  return out;
}

export interface ForgottenDocument {
  group: string;
  documentId: string;
  fileName: string;
  blobRemoved: boolean;
}

/**
 * Forgets one document (file name, title or id; in one group, or in any when none is given) and
 * everything derived from it. Several matches are refused with the candidates listed.
 */
export async function forgetDocuments(rt: Runtime, params: { group?: string; document: string }): Promise<ForgottenDocument> {
  const scope = await documentStatus(rt, { group: params.group });
  const candidates = scope.map((r) => ({ id: r.documentId, file_name: r.fileName, title: r.title, group: r.group }));
  const matches = matchDocuments(candidates, params.document);
  if (matches.length === 0)
    throw new AppError('not-found', `No document called "${params.document}"${params.group ? ` in group "${params.group}"` : ''}. See: minutes status`);
  if (matches.length > 1) {
    const list = matches.map((m) => `  ${m.group}: ${m.file_name}${m.title ? ` (${m.title})` : ''}  ${m.id}`).join('\n');
    throw new AppError('bad-input', `"${params.document}" matches ${matches.length} documents; give the whole file name, --group, or the id:\n${list}`);
  }
  const doc = await getDocument(rt.db, matches[0]!.id);
  if (!doc) throw new AppError('not-found', `The document "${params.document}" is already gone.`);
  const out = await forgetDocument({ db: rt.db, blobs: rt.blobs, queues: rt.queues }, doc);
  return { group: matches[0]!.group, documentId: out.documentId, fileName: out.fileName, blobRemoved: out.blobRemoved };
}

/** Operations reachable over the loopback API. Add new ones here and nowhere else. */
export const OPERATIONS = {
  submitFiles,
  documentStatus,
  remindersPlan,
  exportActionItems,
  ask,
  retryFailed,
  forgetDocuments,
} satisfies Record<string, (rt: Runtime, params: never) => Promise<unknown>>;

export type OperationName = keyof typeof OPERATIONS;
