import { describe, expect, it } from 'vitest';
import { formatStatus } from '../../cli/commands/status.js';
import type { StatusRow } from '../../runtime/operations.js';

function row(group: string, fileName: string, status = 'done'): StatusRow {
  return {
    group,
    documentId: '00000000-0000-0000-0000-000000000000',
    fileName,
    status,
    pages: 6,
    kind: 'minutes',
    date: '2026-03-02',
    title: null,
    errorCode: null,
    error: null,
    uploadedBy: 'x',
    uploadedAt: '2026-03-02T00:00:00.000Z',
  };
}

describe('minutes status (text)', () => {
  it('keeps its columns aligned for long group and file names', () => {
    const long = 'forslag-till-beslut-aktiviteter-for-barn-och-unga-med-behov-av-sarskilt-stod-reviderad-version-3.pdf';
    const out = formatStatus([row('Uppdragsgrupp barn och unga i Halland, norra länsdelen', long), row('a', 'b.pdf'), row('a', 'c.pdf', 'queued')])
      .trimEnd()
      .split('\n');
    const starts = out.filter((l) => l.includes('6 pages')).map((l) => l.indexOf('6 pages'));
    expect(starts).toHaveLength(2);
    expect(starts[0]).toBe(starts[1]);
    expect(out[0]).toContain(long);
    for (const l of out) expect(l).toBe(l.trimEnd());
  });
});
