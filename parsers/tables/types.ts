/** Tables rebuilt from positioned text. Coordinates are PDF points, y grows downward. */

/** A run of items on one line with no column-sized gap inside. */
export interface Segment {
  text: string;
  x0: number;
  x1: number;
  y: number;
  height: number;
}

/** One cell: its text lines top to bottom ("" marks a blank line inside the cell). */
export interface Cell {
  lines: string[];
  /** Top y of the cell's first line, or null for an empty cell. */
  y: number | null;
  /** y of each entry of `lines` (NaN for a blank line); absent or of another length once cells were merged across pages. */
  ys?: number[];
}

export interface TableRow {
  cells: Cell[];
  /** y of the row's first line. */
  y: number;
  /** Page the row starts on. */
  page: number;
  /** Set when the row continues on a following page (its cells were merged in). */
  continued?: boolean;
}

export interface Table {
  page: number;
  /** Last page the table reaches (continuations merged). */
  lastPage: number;
  top: number;
  bottom: number;
  /** Left edges of the columns. */
  anchors: number[];
  /** Header cell text per column ("" when none); multi-line headers joined. */
  header: string[];
  /** Spanning group-header text per column, from a header line above the main one. */
  groupHeader: string[];
  hasHeader: boolean;
  rows: TableRow[];
  /** Body font height. */
  fontHeight: number;
  /** Short text just above the table ("KOSTNAD"), if any. */
  caption: string | null;
  /** `${pageNo}:${lineIndex}` of every page line the table covers (continuations included). */
  lineKeys: string[];
}
