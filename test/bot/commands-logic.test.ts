/** Command parsing for export and chair, and the help card's shape (plain logic, no Teams). */
import { describe, expect, it } from 'vitest';
import { COMMAND_HELP, parseChairArg, parseCommand, parseExportFormats } from '../../bot/logic/commands.js';
import { helpCard } from '../../bot/logic/help-card.js';

describe('export and chair commands', () => {
  it('parses export in both languages with an optional format', () => {
    expect(parseCommand('exportera')).toEqual({ name: 'export', arg: '', language: 'sv' });
    expect(parseCommand('Exportera ICS')).toEqual({ name: 'export', arg: 'ICS', language: 'sv' });
    expect(parseCommand('export csv')).toEqual({ name: 'export', arg: 'csv', language: 'en' });
    expect(parseExportFormats('')).toEqual(['csv', 'ics']);
    expect(parseExportFormats('ICS')).toEqual(['ics']);
    expect(parseExportFormats('.csv')).toEqual(['csv']);
    expect(parseExportFormats('pdf')).toBeNull();
  });

  it('parses the chair command, but leaves questions about the chair to the answer engine', () => {
    expect(parseCommand('ordförande Nina Brag')).toEqual({ name: 'chair', arg: 'Nina Brag', language: 'sv' });
    expect(parseCommand('chair Nina')).toEqual({ name: 'chair', arg: 'Nina', language: 'en' });
    expect(parseCommand('ordförande')).toEqual({ name: 'chair', arg: '', language: 'sv' });
    expect(parseCommand('Ordförande på mötet 2026-03-02?')).toBeNull();
    expect(parseCommand('ordförande i gruppen')).toBeNull();
    expect(parseCommand('Chair of the meeting')).toBeNull();
    expect(parseCommand('Vem var ordförande?')).toBeNull();
    expect(parseChairArg('')).toEqual({ kind: 'show' });
    expect(parseChairArg('från protokollet')).toEqual({ kind: 'reset' });
    expect(parseChairArg('"Nina Brag"')).toEqual({ kind: 'name', name: 'Nina Brag' });
  });
});

describe('help card', () => {
  it('lists every command, keeps the text list as fallback and has Execute and Submit buttons that run commands', () => {
    const card = helpCard('sv') as {
      version: string;
      fallbackText: string;
      body: Array<{ type: string; facts?: Array<{ title: string }> }>;
      actions: Array<Record<string, unknown>>;
    };
    expect(Number(card.version)).toBeGreaterThanOrEqual(1.4);
    const facts = card.body.find((b) => b.type === 'FactSet')!.facts!.map((f) => f.title);
    expect(facts).toEqual(COMMAND_HELP.map((c) => c.title));
    expect(facts).toEqual(expect.arrayContaining(['exportera [csv|ics]', 'ordförande <namn>']));
    for (const c of COMMAND_HELP) expect(card.fallbackText).toContain(c.title);
    const execute = card.actions.filter((a) => a.type === 'Action.Execute');
    const submit = card.actions.filter((a) => a.type === 'Action.Submit');
    expect(execute).toContainEqual({ type: 'Action.Execute', title: 'Nästa möte', verb: 'cmd', data: { command: 'nästa möte' } });
    expect(submit.length).toBeGreaterThan(0);
    for (const a of [...execute, ...submit]) expect(parseCommand(String((a.data as { command: string }).command))).not.toBeNull();
    for (const a of submit) expect((a.data as { verb: string }).verb).toBe('cmd');
    // English buttons run English commands.
    const en = helpCard('en') as { actions: Array<{ data: { command: string } }> };
    for (const a of en.actions) expect(parseCommand(a.data.command)?.language).toBe('en');
  });
});
