/**
 * The verb tables of the action-item rules, as data: Swedish present-tense task verbs, verbs that
 * are tasks only with a future marker, the infinitives after a modal, English task verbs, and the
 * present-tense verbs that report the meeting itself.
 */
export const PRES =
  'gör|skickar(?: ut)?|mailar|mejlar|e-postar|sammankallar|kallar(?: till)?|återkommer|tar fram|tar kontakt|kontaktar|bokar|bjuder in|undersöker|utreder|kollar|ser över|stämmer av|förbereder|sammanställer|meddelar|bevakar|följer upp|uppdaterar|skriver|ordnar|planerar|håller i|samordnar|tillfrågar|hör av sig|återrapporterar|sprider|delar|publicerar|lägger upp|lägger in|fixar|tar med|tar upp|påminner|funderar|bereder|reviderar|formulerar|kartlägger|levererar|tittar på|tar reda på|ringer|ansvarar för|ansöker om';
// Protokoll report what was said in the present tense ("Ordföranden informerar om att …"): these
// verbs are tasks only with a future marker.
export const FUTURE_ONLY = 'presenterar|redovisar|berättar|visar|lyfter|pratar med|informerar|redogör';
export const INF =
  'göra|skicka(?: ut)?|maila|mejla|sammankalla|kalla(?: till)?|återkomma|ta fram|ta kontakt|kontakta|boka|bjuda in|undersöka|utreda|kolla|se över|stämma av|förbereda|sammanställa|informera|meddela|bevaka|följa upp|uppdatera|skriva|ordna|planera|hålla i|samordna|tillfråga|höra av sig|återrapportera|sprida|dela|publicera|lägga upp|lägga in|fixa|ta med|ta upp|påminna|presentera|redovisa|ha ett möte|ha möte|träffa|vara med|delta|titta på|ta reda på|ringa|fundera|ansvara för|komma med|ansöka om|söka';
export const EN_VERBS =
  'send|circulate|draft|prepare|contact|arrange|organi[sz]e|book|check|confirm|update|write|share|follow up|report back|present|invite|e-?mail|call|review|investigate|look into|find out|coordinate|set up|schedule|distribute|provide|produce|compile|liaise|chase|ask|speak|meet|bring|add|amend|revise|finali[sz]e|publish|upload|draw up|identify|develop|circulate|report|bring|lead|submit|obtain|seek|write to|respond|reply|forward|agree|raise|discuss|consider|explore|engage|work with|progress|monitor|complete|ensure|clarify|visit|inspect|order|purchase|obtain quotes|get';
/** Bodies of an organisation that are given tasks in English minutes ("The board should make …", "the Committee were to …"). */
export const EN_BODIES = 'board|committee|sub-?committee|council|trustees|foundation|working group|steering group|group|team|panel|executive';
/** Verbs after "The board will …" / "asked X to …" that name no task: a state, a wish, the meeting's own business. */
export const EN_NOT_TASK = new Set(
  'be have like need want wish note receive continue remain consist comprise introduce explain comment speak attend join leave summarise summarize outline describe elaborate declare stand chair welcome thank'.split(
    ' ',
  ),
);
/** Infinitives after "X kan …" that offer nothing to do: a state, being there, an opinion. */
export const OFFER_NOT_TASK = 'vara|bli|ha|delta|närvara|komma|tänka|känna|tycka|se|förstå|behöva|vilja|hinna|göra det|använda|välja|sitta|stanna|gå';
/** Verbs after "I can …" / "Let's …" that commit to nothing: opinions, states, the talk itself. */
export const FIRST_PERSON_NOT_TASK = new Set(
  'be have like need want wish think see say agree understand imagine live try go do get hear talk speak discuss comment move keep continue'.split(' '),
);
/** Present-tense verbs that report the meeting itself, never a task ("Carin hälsar alla välkomna"). */
export const MEETING_VERBS = new Set(
  'efter eller under över sedan kommer kan vill brukar hade gör går står ligger sitter tror vet ser känner hälsar öppnar förklarar avslutar tackar informerar berättar redogör konstaterar föreslår anser tycker menar undrar frågar svarar påpekar noterar läser visar presenterar redovisar lyfter pratar är har var blir finns deltar närvarar leder väljs valdes slutar avgår flyttar'.split(
    ' ',
  ),
);
