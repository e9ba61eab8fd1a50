/**
 * `ordförande <namn>` / `chair <name>`: sets the group's chair for reminders. In a team or group
 * chat only (the group is the conversation's); the name is matched against the group's roster
 * the way owners in minutes are (accent- and case-insensitive, unique first name or surname).
 * Who may: the group's secretary or chair (reminders/actions.ts `setGroupChair`) or its owner.
 */
import { setGroupChair } from '../reminders/actions.js';
import { loadGroupContext } from '../reminders/context.js';
import { resolveOwner } from '../reminders/names.js';
import type { BotDeps } from './deps.js';
import { isGroupOwner } from './logic/access.js';
import { parseChairArg } from './logic/commands.js';
import type { Reply } from './reply.js';
import type { TurnInfo } from './turn-info.js';

export async function runChair(deps: BotDeps, info: TurnInfo, arg: string, language: 'sv' | 'en', out: Reply): Promise<void> {
  const en = language === 'en';
  if (!info.group) {
    await out.text(
      en
        ? 'Write this in the team or group chat whose chair it is, e.g. "@minutes-bot chair Anna Andersson".'
        : 'Skriv det i teamet eller gruppchatten det gäller, t.ex. "@minutes-bot ordförande Anna Andersson".',
    );
    return;
  }
  const ctx = await loadGroupContext(deps.db, info.group.id);
  if (!ctx) return;
  const want = parseChairArg(arg);
  if (want.kind === 'show') {
    const who = ctx.chair.name ?? ctx.chair.userId;
    const source = ctx.group.chair_user_id
      ? en
        ? 'set with this command'
        : 'satt med det här kommandot'
      : en
        ? 'from the latest minutes'
        : 'enligt senaste mötesanteckningarna';
    await out.text(
      who
        ? en
          ? `The chair for reminders is ${who} (${source}). Change it with: chair <name>.`
          : `Ordförande för påminnelserna är ${who} (${source}). Byt med: ordförande <namn>.`
        : en
          ? 'No chair is known yet. Set one with: chair <name>.'
          : 'Ingen ordförande är känd ännu. Sätt en med: ordförande <namn>.',
    );
    return;
  }
  let chair: { userId: string; name: string } | null = null;
  if (want.kind === 'name') {
    const r = resolveOwner(want.name, ctx.roster);
    if (r.kind !== 'user') {
      await out.text(
        r.kind === 'unresolved' && r.candidates > 1
          ? en
            ? `Several people in the group match "${want.name}"; write the whole name.`
            : `Flera i gruppen passar "${want.name}"; skriv hela namnet.`
          : en
            ? `I find nobody called "${want.name}" in this group.`
            : `Jag hittar ingen som heter "${want.name}" i gruppen.`,
      );
      return;
    }
    chair = { userId: r.member.userId, name: r.member.name };
  }
  const actor = { userId: info.user.userId, aadObjectId: info.user.aadObjectId, name: info.user.name };
  const result = await setGroupChair(deps.db, {
    groupId: info.group.id,
    chairUserId: chair?.userId ?? null,
    actor,
    actorIsGroupOwner: await isGroupOwner(deps.db, info.group.id, actor),
  });
  if (!en) {
    await out.text(result.status === 'set' && chair ? `Klart: ${chair.name} är nu ordförande för påminnelserna i ${ctx.group.name}.` : result.message);
    return;
  }
  await out.text(
    result.status === 'set'
      ? chair
        ? `Done: ${chair.name} is now the chair for reminders in ${ctx.group.name}.`
        : 'Done: the chair is taken from the latest minutes again.'
      : result.status === 'forbidden'
        ? 'Only the secretary, the chair or an owner of the group can change the chair.'
        : 'That person is not in the group.',
  );
}
