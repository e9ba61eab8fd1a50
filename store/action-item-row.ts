/** Columns of `action_items` that every reader selects (answers, reminders, the bot). */
export interface ActionItemRow {
  id: number;
  document_id: string;
  owners: string[];
  task: string;
  due: string | null;
  due_text: string | null;
  page: number | null;
  section: string | null;
  quote: string;
  status: 'open' | 'done';
  /** Date of the document the item comes from. */
  doc_date: string | null;
  /** Language of that document, where the reader selects it (answers: to label quoted text). */
  doc_language?: string | null;
}
