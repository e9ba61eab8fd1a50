/**
 * Builds PDFs crafted to make a parser work or allocate without bound, for the fault suite.
 * Generated rather than committed: a few hundred kilobytes of deflated content stream stand for
 * hundreds of megabytes of text operators, and the size is a parameter.
 */
import zlib from 'node:zlib';

/** A valid one-page PDF (classic xref) whose page content is `content`, deflated. */
export function pdfWithContent(content: Buffer, extraObjects: string[] = [], resources = '/Font << /F1 4 0 R >>'): Buffer {
  const stream = zlib.deflateSync(content, { level: 9 });
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << ${resources} >> /Contents 5 0 R >>`),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
    Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream')]),
    ...extraObjects.map((o) => Buffer.from(o, 'latin1')),
  ];
  return assemble(objects);
}

/**
 * A FlateDecode bomb of text: `ops` show-text operators on one page (each a tiny text item the
 * parser must position and keep). 4 million ops ≈ 90 MB of content from ≈ 200 kB of file.
 */
export function textOperatorBomb(ops: number): Buffer {
  const unit = Buffer.from('1 0 0 1 10 10 Tm (Mote) Tj\n', 'latin1');
  const body = Buffer.alloc(unit.length * ops);
  for (let i = 0; i < ops; i++) unit.copy(body, i * unit.length);
  return pdfWithContent(Buffer.concat([Buffer.from('BT /F1 1 Tf\n'), body, Buffer.from('ET\n')]));
}

/**
 * Form XObjects nested `fanout` wide and `depth` deep: each form draws the next one `fanout`
 * times, so the page expands to fanout^depth text operators from a file of a few kilobytes.
 */
export function nestedFormsBomb(depth: number, fanout: number): Buffer {
  // Objects 6 .. 6+depth-1 are forms; form i draws form i+1; the last one shows text.
  const first = 6;
  const forms: string[] = [];
  for (let i = 0; i < depth; i++) {
    const id = first + i;
    const last = i === depth - 1;
    const body = last ? 'BT /F1 1 Tf 10 10 Td (Protokoll) Tj ET\n' : `/X${id + 1} Do\n`.repeat(fanout);
    const res = last ? '/Font << /F1 4 0 R >>' : `/XObject << /X${id + 1} ${id + 1} 0 R >>`;
    forms.push(`<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << ${res} >> /Length ${body.length} >>\nstream\n${body}endstream`);
  }
  return pdfWithContent(Buffer.from(`/X${first} Do\n`.repeat(fanout)), forms, `/Font << /F1 4 0 R >> /XObject << /X${first} ${first} 0 R >>`);
}

/**
 * A page tree whose /Pages node lists itself among its kids (the page count says two pages): pdf.js
 * reports a circular reference when the second page is looked up. A structural error: no retry fixes it.
 */
export function circularPageTree(): Buffer {
  const content = Buffer.from('BT /F1 12 Tf 72 720 Td (Protokoll) Tj ET\n');
  return assemble([
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>'),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]),
  ]);
}

function assemble(objects: Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    offset += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}
