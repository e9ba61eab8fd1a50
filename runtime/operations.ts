/**
 * Operations on a runtime that the CLI runs locally, or asks the running main job to run over
 * its loopback API when that job owns the embedded database. Inputs and outputs are JSON.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../core/errors.js';
import type { Uploader } from '../core/queues.js';
import { submitDocument } from '../queue/submit.js';
import { ensureGroup, getGroupByName } from '../store/groups.js';
import { listDocuments } from '../store/documents.js';
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
      out.push({ file, documentId: null, jobId: null, status: 'rejected', errorCode: 'not-found', message: `Cannot read ${file}: ${(err as Error).message}` });
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

/** Operations reachable over the loopback API. Add new ones here and nowhere else. */
export const OPERATIONS = {
  submitFiles,
  documentStatus,
} satisfies Record<string, (rt: Runtime, params: never) => Promise<unknown>>;

export type OperationName = keyof typeof OPERATIONS;
