/**
 * What kind of question this is, from free wording in Swedish or English (folded, so missing
 * å/ä/ö and case do not matter). Fact handlers get the first try; `passage` means full-text.
 */
import { fold } from './text.js';

export type Intent =
  | 'documents.list'
  | 'documents.mentioning'
  | 'attendance.count'
  | 'attendance.absent'
  | 'attendance.present'
  | 'attendance.person'
  | 'role.chair'
  | 'role.secretary'
  | 'role.person'
  | 'next_meeting'
  | 'meeting.place'
  | 'meeting.time'
  | 'actions.open'
  | 'actions.person'
  | 'decisions'
  | 'activity.responsible'
  | 'activity.timeline'
  | 'budget.funding'
  | 'budget.amount'
  | 'passage';

const R = {
  docsList:
    /\b(vilka|vilket|lista|visa|which|what|list|show)\b.{0,25}\b(dokument|filer|handlingar|documents?|files)\b|\b(dokument|documents?|files?)\b.{0,20}\b(finns|har vi|uppladdade|exist|uploaded|do we have|does the group have)\b/,
  mentioning: /\b(namner|namns|tar upp|handlar om|innehaller|mention(s|ed)?|talks? about|contains?|refer(s)? to)\b/,
  absent: /\b(franvarande|franvaro|saknades|inte (var )?(med|narvarande)|absent|missing|did not attend|didn'?t attend|not present|borta)\b/,
  present: /\b(narvarande|narvaro|deltog|deltar|deltagare|var med|vilka var pa|attend(ed|ees|ing|s)?|present|participants?|who (was|were) (at|in))\b/,
  count: /\b(hur manga|antal|how many|number of)\b/,
  chair: /\b(ordforande|ordf|chair(man|woman|person|s|ed|ing)?|ledde motet|leder gruppen|leads the group)\b/,
  secretary:
    /\b(sekreterare|secretary|forde (protokoll\w*|anteckning\w*)|skrev anteckningarna|minute ?taker|took (the )?(minutes|notes)|wrote (the )?(minutes|notes)|justerare|justerande|rostraknare|justera(s|r)? (\w+ )?protokoll\w*|check(ed)? the minutes)\b/,
  role: /\b(vilken roll|vad har .{2,40} for roll|vad ar .{2,40} for roll|roll har|vad jobbar|titel|what role|role (does|of)|job title|what does .{2,40} work)\b/,
  next: /\b(nasta mote|nasta sammantrade|kommande mote|nasta gang|next meeting|next time|upcoming meeting|when do we meet( next)?|nar ses vi|nar traffas (vi|gruppen)|meet next)\b/,
  meetingWord: /\b(mote\w*|sammantrade\w*|sammantradde|mottes|traffades|meetings?|met)\b/,
  place:
    /\bvar\s+(holls|halls|hall|agde|ager|sker|skedde|genomfordes|genomfors|ar|var)\b|\b(vilken|vilket|what|which)\s+(plats|lokal|rum|sal|byggnad|adress|place|location|venue|room|hall|building|address)\b|\b(motesplats|motesrum|moteslokal)\w*|\bwhere\b|\b(plats|lokal|location|venue)\w*\s+(for|of)\b/,
  time: /\b(vilken tid|vilken tidpunkt|hur dags|vilket klockslag|vilka klockslag|klockan|what time|which time|what hours?|nar (borjade|borjar|slutade|slutar|startade|startar)|when did .{1,30}\b(start|begin|end|finish)|(start|end)(ed|s)? at)\b|\btid(en|punkt)?\s+for\b|\bmotets tid\b/,
  actions:
    /\b(vad (ska|skall|behover|maste|bor)|vad har .{2,40} (fatt|atagit)|uppgift(er)?|uppdrag(en)?|att gora|atgard(er|spunkter)?|to ?do|action ?items?|tasks?|supposed to|should .{2,40} do|has to do|need(s)? to do|assigned|follow ?ups?)\b/,
  open: /\b(oppna|ej klara|inte klara|kvar att gora|pagaende|pending|open|outstanding|unfinished|not done)\b/,
  decisions: /\b(vilka|vad|which|what|list)\b.{0,25}\b(beslut\w*|beslot|decid\w*|decisions?|resolved|klubbades)\b|\b(fattades|fattade) .{0,10}beslut/,
  who: /\b(vem|vilka|vilken|vilket|who|whom|which|name of|namnet pa)\b/,
  responsible: /\b(ansvar(ig|iga|ar|et)?|responsible|in charge|who (owns|leads|runs))\b/,
  timeline:
    /\b(tidplan(en)?|nar ska .{2,60} (genomforas|goras|vara klar|klart|starta|borja|paborjas)|when (will|is|does) .{2,60} (start|be (done|finished|carried out|ready))|timeline|schedule|deadline)\b/,
  funding: /\b(finansier\w*|hur betalas|vem betalar|funded|funding|financed|paid for|who pays|kostnadsbarare)\b/,
  budget:
    /\b(kostar|kosta|kostnad\w*|budget\w*|belopp\w*|pengar|kronor|kr|summa\w*|totala|totalt|medel|utfall\w*|costs?|how much|hur mycket|price|spend|spent|amount|sum)\b/,
};

/** The question's intent. `hasPerson` says a member's or unit's name was found in it. */
export function detectIntent(question: string, hasPerson: boolean): Intent {
  const q = fold(question);
  if (R.docsList.test(q)) return R.mentioning.test(q) ? 'documents.mentioning' : 'documents.list';
  if (hasPerson && /^(var|was|were|did|deltog|kom)\b/.test(q) && /\b(med|mote\w*|meeting|there|narvarande|present|attend\w*|franvarande|absent)\b/.test(q)) {
    return 'attendance.person';
  }
  const absent = R.absent.test(q);
  const present = R.present.test(q);
  if (absent || present) {
    if (hasPerson && !R.count.test(q)) return 'attendance.person';
    if (R.count.test(q)) return 'attendance.count';
    return absent ? 'attendance.absent' : 'attendance.present';
  }
  if (R.next.test(q)) return 'next_meeting';
  if (R.meetingWord.test(q) && !hasPerson) {
    if (R.time.test(q)) return 'meeting.time';
    if (R.place.test(q)) return 'meeting.place';
  }
  // Only "who" asks for a person: "Did they buy a shed for the chairs?" is not about the chair.
  const who = R.who.test(q);
  if (who && R.chair.test(q) && !R.budget.test(q)) return 'role.chair';
  if (who && R.secretary.test(q)) return 'role.secretary';
  if (hasPerson && R.role.test(q)) return 'role.person';
  if (R.actions.test(q)) {
    if (hasPerson) return 'actions.person';
    if (R.open.test(q) || /\b(uppgifter|action ?items|tasks|atgarder|follow ?ups)\b/.test(q)) return 'actions.open';
  }
  if (R.decisions.test(q) && !/\b(nar|when)\b/.test(q)) return 'decisions';
  if (R.funding.test(q)) return 'budget.funding';
  if (R.budget.test(q)) return 'budget.amount';
  if (R.responsible.test(q) && !hasPerson) return 'activity.responsible';
  if (R.timeline.test(q)) return 'activity.timeline';
  if (hasPerson && /\b(vad (ska|skall|gor)|what (will|does|should))\b/.test(q)) return 'actions.person';
  return 'passage';
}
