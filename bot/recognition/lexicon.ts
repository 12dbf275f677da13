import type { Intent } from './types';

// The recognition vocabulary, as data. The algorithm in this folder knows no word of English or French:
// every word it reacts to is listed here. Phrases are written as people type them; they go through the same
// normalisation, tokenising and stemming as messages, so accents, apostrophes and plurals need not be spelt
// out twice.

// Long word lists are written as text: one word per line would bury the rest of the lexicon.
function wordList(words: string): readonly string[] {
  return words.split(/\s+/).filter((word) => word.length > 0);
}

/** Intents that words can vote for; `unknown` is what is left when nothing scores. */
export type ScoredIntent = Exclude<Intent, 'unknown'>;

/** `any`: the phrase says nothing about the language (product names, device error texts shown in English). */
export type LexiconLanguage = 'en' | 'fr' | 'any';

/** A group of synonymous phrases and what their presence says about the user's intent. */
export interface IntentTerm {
  readonly phrases: readonly string[];
  readonly lang: LexiconLanguage;
  /** Points added to each intent when one of the phrases is in the message (once per message). */
  readonly evidence: Readonly<Partial<Record<ScoredIntent, number>>>;
}

/** Evidence an entity adds to intents, whatever words surround it. */
export interface EntityEvidence {
  readonly room: Readonly<Partial<Record<ScoredIntent, number>>>;
  readonly person: Readonly<Partial<Record<ScoredIntent, number>>>;
  readonly deviceModel: Readonly<Partial<Record<ScoredIntent, number>>>;
  readonly caseRef: Readonly<Partial<Record<ScoredIntent, number>>>;
}

export const INTENT_TERMS: readonly IntentTerm[] = [
  // --- room-licence -------------------------------------------------------------------------------------------
  {
    // The console's own error text; users paste it whatever language they write in.
    phrases: [
      "The account used to sign in doesn't have the correct license to use this device",
      "doesn't have the correct license",
      'does not have the correct license',
      "doesn't have a valid license",
      'account used to sign in',
      'correct license',
      'correct licence',
      'to use this device',
    ],
    lang: 'any',
    evidence: { 'room-licence': 4 },
  },
  {
    phrases: [
      "n'a pas la bonne licence",
      "n'a pas de licence",
      "n'a pas la licence",
      'licence appropriée',
      'licence correcte',
      'bonne licence',
      'sans licence',
      'pas de licence',
    ],
    lang: 'fr',
    evidence: { 'room-licence': 4 },
  },
  {
    phrases: [
      'licence',
      'licences',
      'licenced',
      'licencing',
      'license',
      'licenses',
      'licensed',
      'licensing',
      'unlicensed',
      'unlicenced',
      'licencié',
      'licenciée',
    ],
    lang: 'any',
    evidence: { 'room-licence': 3 },
  },
  {
    phrases: ['stuck', 'blocked', 'frozen', 'hung', 'hanging', 'stuck on', 'stuck at'],
    lang: 'en',
    evidence: { 'room-licence': 2 },
  },
  {
    phrases: [
      'bloqué',
      'bloquée',
      'coincé',
      'coincée',
      'planté',
      'plantée',
      'figé',
      'figée',
      'gelé',
      'gelée',
    ],
    lang: 'fr',
    evidence: { 'room-licence': 2 },
  },
  {
    phrases: [
      'sign in',
      'signin',
      'sign-in failing',
      'signed out',
      "can't sign in",
      'cannot sign in',
      'login',
      'log in',
      'logged out',
      'sign out',
    ],
    lang: 'en',
    evidence: { 'room-licence': 2, 'phone-no-internet': 1 },
  },
  {
    phrases: [
      'se connecter',
      "n'arrive pas à se connecter",
      "n'arrive plus à se connecter",
      'connexion impossible',
      'déconnecté',
      'déconnectée',
      'ouvrir une session',
      'authentification',
      'identifiant',
    ],
    lang: 'fr',
    evidence: { 'room-licence': 2, 'phone-no-internet': 1 },
  },
  {
    phrases: [
      "won't start the meeting",
      "won't start",
      "can't start the meeting",
      'cannot start the meeting',
      "can't join",
      'cannot join',
      "won't join",
      'join the meeting',
    ],
    lang: 'en',
    evidence: { 'room-licence': 2 },
  },
  {
    phrases: [
      'ne démarre pas',
      'ne démarre plus',
      'ne lance pas la réunion',
      'ne lance plus la réunion',
      'impossible de lancer',
      'impossible de rejoindre',
      'rejoindre la réunion',
      'lancer la réunion',
    ],
    lang: 'fr',
    evidence: { 'room-licence': 2 },
  },
  { phrases: ['meeting', 'meetings', 'start'], lang: 'en', evidence: { 'room-licence': 1 } },
  {
    phrases: ['réunion', 'réunions', 'visio', 'visioconférence', 'démarre', 'démarrer', 'démarrage'],
    lang: 'fr',
    evidence: { 'room-licence': 1 },
  },
  {
    phrases: ['teams rooms', 'teams room', 'mtr', 'teams rooms pro', 'teams rooms basic', 'logitech tap'],
    lang: 'any',
    evidence: { 'room-licence': 1.5 },
  },
  { phrases: ['touch panel', 'front of room'], lang: 'en', evidence: { 'room-licence': 1 } },
  { phrases: ['console', 'tap'], lang: 'any', evidence: { 'room-licence': 1 } },
  { phrases: ['écran tactile', 'tablette'], lang: 'fr', evidence: { 'room-licence': 1 } },
  {
    phrases: ['room', 'rooms', 'meeting room', 'conference room'],
    lang: 'en',
    evidence: { 'room-licence': 1 },
  },
  {
    phrases: ['salle', 'salles', 'salle de réunion', 'salle de conférence'],
    lang: 'fr',
    evidence: { 'room-licence': 1 },
  },
  { phrases: ['screen', 'display'], lang: 'en', evidence: { 'room-licence': 1, 'phone-no-internet': 0.5 } },
  { phrases: ['écran'], lang: 'fr', evidence: { 'room-licence': 1, 'phone-no-internet': 0.5 } },

  // --- shared by the two device problems ----------------------------------------------------------------------
  {
    phrases: ['diagnose', 'check', 'look at', 'investigate', 'troubleshoot', 'fix', 'repair'],
    lang: 'en',
    evidence: { 'room-licence': 1, 'phone-no-internet': 1 },
  },
  {
    phrases: [
      'diagnostiquer',
      'diagnostique',
      'vérifier',
      'vérifie',
      'vérifiez',
      'regarder',
      'regarde',
      'réparer',
      'répare',
      'dépanner',
      'tester',
    ],
    lang: 'fr',
    evidence: { 'room-licence': 1, 'phone-no-internet': 1 },
  },
  {
    phrases: [
      'error',
      'errors',
      'broken',
      'not working',
      "doesn't work",
      'does not work',
      "isn't working",
      'issue',
      'problem',
      'failing',
      'fails',
      'failed',
    ],
    lang: 'en',
    evidence: { 'room-licence': 1, 'phone-no-internet': 1 },
  },
  {
    phrases: [
      'erreur',
      'erreurs',
      'panne',
      'en panne',
      'marche pas',
      'marche plus',
      'ne fonctionne pas',
      'ne fonctionne plus',
      'problème',
      'souci',
      'hs',
      'échec',
    ],
    lang: 'fr',
    evidence: { 'room-licence': 1, 'phone-no-internet': 1 },
  },
  { phrases: ['restart', 'reboot'], lang: 'en', evidence: { 'room-licence': 0.5, 'phone-no-internet': 0.5 } },
  // Spelt the same in both languages once accents are gone.
  { phrases: ['diagnostic', 'test'], lang: 'any', evidence: { 'room-licence': 1, 'phone-no-internet': 1 } },
  {
    phrases: ['redémarrer', 'redémarre', 'redémarrage'],
    lang: 'fr',
    evidence: { 'room-licence': 0.5, 'phone-no-internet': 0.5 },
  },
  { phrases: ['connexion'], lang: 'fr', evidence: { 'room-licence': 1, 'phone-no-internet': 1 } },
  { phrases: ['firmware', 'update firmware'], lang: 'any', evidence: { 'phone-no-internet': 1 } },

  // --- phone-no-internet --------------------------------------------------------------------------------------
  {
    // The Poly CCX's own error text, shown in English on most devices.
    phrases: [
      "No internet. Emergency calls aren't supported",
      "emergency calls aren't supported",
      'emergency calls are not supported',
      'no internet',
      'no internet connection',
      'no network',
    ],
    lang: 'any',
    evidence: { 'phone-no-internet': 4 },
  },
  {
    phrases: [
      "pas d'internet",
      'pas internet',
      'pas de connexion internet',
      "plus d'internet",
      'plus internet',
      'sans internet',
      'aucune connexion internet',
      'pas de réseau',
      "les appels d'urgence ne sont pas pris en charge",
      "appels d'urgence non pris en charge",
    ],
    lang: 'fr',
    evidence: { 'phone-no-internet': 4 },
  },
  { phrases: ['internet'], lang: 'any', evidence: { 'phone-no-internet': 2 } },
  {
    phrases: ['emergency calls', 'emergency call', 'emergency calling', '911', '112'],
    lang: 'en',
    evidence: { 'phone-no-internet': 3 },
  },
  { phrases: ['emergency'], lang: 'en', evidence: { 'phone-no-internet': 2 } },
  { phrases: ["appels d'urgence", "appel d'urgence"], lang: 'fr', evidence: { 'phone-no-internet': 3 } },
  { phrases: ['urgence'], lang: 'fr', evidence: { 'phone-no-internet': 2 } },
  {
    phrases: [
      "can't make calls",
      'cannot make calls',
      "can't make a call",
      "can't call",
      'cannot call',
      "can't dial",
      'no dial tone',
      'calls fail',
      'calls failing',
    ],
    lang: 'en',
    evidence: { 'phone-no-internet': 3 },
  },
  {
    phrases: [
      "ne passe plus d'appels",
      "ne passe pas d'appels",
      'ne passe plus les appels',
      "ne passe plus d'appel",
      "passe plus d'appels",
      "impossible d'appeler",
      'ne peut plus appeler',
      'ne peut pas appeler',
      "n'appelle plus",
      'pas de tonalité',
    ],
    lang: 'fr',
    evidence: { 'phone-no-internet': 3 },
  },
  {
    phrases: ['call', 'calls', 'calling', 'dial', 'dial tone'],
    lang: 'en',
    evidence: { 'phone-no-internet': 1.5 },
  },
  { phrases: ['appel', 'appels', 'appeler', 'tonalité'], lang: 'fr', evidence: { 'phone-no-internet': 1.5 } },
  {
    phrases: ['phone', 'phones', 'desk phone', 'deskphone', 'handset'],
    lang: 'en',
    evidence: { 'phone-no-internet': 1.5 },
  },
  {
    phrases: ['poste', 'combiné', 'tél', 'fixe'],
    lang: 'fr',
    evidence: { 'phone-no-internet': 1.5 },
  },
  // "téléphone" and "telephone" meet once accents are gone.
  { phrases: ['téléphone', 'téléphones'], lang: 'any', evidence: { 'phone-no-internet': 1.5 } },
  { phrases: ['teams phone'], lang: 'any', evidence: { 'phone-no-internet': 2 } },
  { phrases: ['ccx', 'poly', 'polycom', 'vvx'], lang: 'any', evidence: { 'phone-no-internet': 2 } },
  {
    phrases: ['network', 'offline', 'unplugged'],
    lang: 'en',
    evidence: { 'phone-no-internet': 1 },
  },
  {
    phrases: ['ethernet', 'wifi', 'wi-fi', 'lan', 'dhcp', 'vlan', 'câble'],
    lang: 'any',
    evidence: { 'phone-no-internet': 1 },
  },
  {
    phrases: ['réseau', 'hors ligne', 'débranché', 'prise réseau'],
    lang: 'fr',
    evidence: { 'phone-no-internet': 1 },
  },

  // --- case-status --------------------------------------------------------------------------------------------
  {
    phrases: ['status', 'statuses', "what's the status", 'progress', 'update on', 'any update', 'any news'],
    lang: 'en',
    evidence: { 'case-status': 3 },
  },
  {
    phrases: ['statut', 'état', 'avancement', 'avance', 'suivi', 'des nouvelles', 'du nouveau', 'point sur'],
    lang: 'fr',
    evidence: { 'case-status': 3 },
  },
  {
    phrases: ['where are we', 'where is', 'how is it going', 'update', 'news'],
    lang: 'en',
    evidence: { 'case-status': 2 },
  },
  {
    phrases: [
      'où en est',
      'où en sont',
      'où on en est',
      'on en est où',
      'en est où',
      'ça en est où',
      'où ça en est',
    ],
    lang: 'fr',
    evidence: { 'case-status': 3 },
  },
  { phrases: ['case', 'cases'], lang: 'en', evidence: { 'case-status': 2.5 } },
  { phrases: ['ticket', 'tickets', 'incident', 'incidents'], lang: 'any', evidence: { 'case-status': 2.5 } },
  { phrases: ['cas', 'dossier', 'dossiers'], lang: 'fr', evidence: { 'case-status': 2.5 } },
  {
    phrases: [
      'open cases',
      'my cases',
      'ongoing cases',
      'active cases',
      'list cases',
      'all cases',
      'open tickets',
    ],
    lang: 'en',
    evidence: { 'case-status': 4 },
  },
  {
    phrases: [
      'dossiers en cours',
      'dossiers ouverts',
      'mes dossiers',
      'cas en cours',
      'tickets ouverts',
      'tickets en cours',
      'liste des dossiers',
    ],
    lang: 'fr',
    evidence: { 'case-status': 4 },
  },
  // Idioms that contain a case word but are not about cases: matched so that their words do not count.
  { phrases: ['in case', 'just in case', 'in any case'], lang: 'en', evidence: {} },
  { phrases: ['en cas de', 'au cas où', 'dans ce cas', 'en tout cas'], lang: 'fr', evidence: {} },

  // --- case-cancel and case-export -----------------------------------------------------------------------------
  {
    phrases: ['cancel', 'cancel case', 'abort', 'stop the repair', 'call off'],
    lang: 'en',
    evidence: { 'case-cancel': 6 },
  },
  {
    phrases: ['annule', 'annuler', 'annulez', 'annulation', 'arrête la réparation', 'abandonne'],
    lang: 'fr',
    evidence: { 'case-cancel': 6 },
  },
  {
    phrases: ['export', 'export cases', 'download cases', 'csv'],
    lang: 'en',
    evidence: { 'case-export': 6 },
  },
  {
    phrases: ['exporte', 'exporter', 'exportez', 'export des dossiers'],
    lang: 'fr',
    evidence: { 'case-export': 6 },
  },

  // --- helpdesk-channel-set -----------------------------------------------------------------------------------
  {
    phrases: [
      'set helpdesk channel',
      'set the helpdesk channel',
      'set this channel',
      'set this as the helpdesk channel',
      'set as helpdesk channel',
      'set channel',
      'set the channel',
      'set report channel',
      'set the reports channel',
      'use this channel',
      'use this channel for reports',
      'use this channel for helpdesk',
      'make this the helpdesk channel',
      'send reports here',
      'post reports here',
      'send the reports here',
    ],
    lang: 'en',
    evidence: { 'helpdesk-channel-set': 6 },
  },
  {
    phrases: [
      'helpdesk channel',
      'support channel',
      'reports channel',
      'report channel',
      'channel for reports',
    ],
    lang: 'en',
    evidence: { 'helpdesk-channel-set': 3 },
  },
  {
    phrases: [
      'définir le canal du support',
      'définir le canal',
      'définir ce canal',
      'définis ce canal',
      'définissez ce canal',
      'utilise ce canal',
      'utiliser ce canal',
      'utilisez ce canal',
      'utilise ce canal pour les signalements',
      'choisir ce canal',
      'choisis ce canal',
      'envoie les signalements ici',
      'envoyer les signalements ici',
      'poste les signalements ici',
    ],
    lang: 'fr',
    evidence: { 'helpdesk-channel-set': 6 },
  },
  {
    phrases: [
      'canal du support',
      'canal de support',
      'canal du helpdesk',
      'canal helpdesk',
      'canal des signalements',
      'canal pour les signalements',
    ],
    lang: 'fr',
    evidence: { 'helpdesk-channel-set': 3 },
  },
  { phrases: ['channel'], lang: 'en', evidence: { 'helpdesk-channel-set': 1.5 } },
  { phrases: ['canal'], lang: 'fr', evidence: { 'helpdesk-channel-set': 1.5 } },

  // --- fleet --------------------------------------------------------------------------------------------------
  // Always with a word that means several rooms: "broken rooms" would also stem-match "the broken room in 4B".
  {
    phrases: [
      'fleet',
      'fleet scan',
      'scan the fleet',
      'scan fleet',
      'fleet status',
      'fleet health',
      'fleet report',
      'which rooms are broken',
      'which rooms are down',
      'which rooms are failing',
      'which rooms are stuck',
      'which rooms have a problem',
      'what rooms are broken',
      'scan all rooms',
      'check all rooms',
      'scan every room',
      'check every room',
      'status of all rooms',
    ],
    lang: 'en',
    evidence: { fleet: 6 },
  },
  {
    phrases: ['which rooms', 'what rooms', 'all rooms', 'all the rooms', 'every room'],
    lang: 'en',
    evidence: { fleet: 3 },
  },
  {
    phrases: [
      'état du parc',
      'analyse du parc',
      'analyser le parc',
      'analyse le parc',
      'scan du parc',
      'scanner le parc',
      'vérifier le parc',
      'vérifie le parc',
      'santé du parc',
      'tout le parc',
      'quelles salles sont en panne',
      'quelles salles sont bloquées',
      'quelles salles ne marchent pas',
      'quelles salles ne fonctionnent pas',
      'quelles salles ont un problème',
      'vérifier toutes les salles',
      'vérifie toutes les salles',
      'analyse toutes les salles',
      'état de toutes les salles',
      'état des salles',
    ],
    lang: 'fr',
    evidence: { fleet: 6 },
  },
  {
    phrases: ['quelles salles', 'toutes les salles', 'parc de salles', 'parc des salles'],
    lang: 'fr',
    evidence: { fleet: 3 },
  },
  // "Parc" alone is also a park: not enough on its own.
  { phrases: ['parc'], lang: 'fr', evidence: { fleet: 1.5 } },

  // --- faq ----------------------------------------------------------------------------------------------------
  // Asking for the FAQ itself; which question is asked comes from the FAQ data's own keywords.
  {
    phrases: ['frequently asked questions', 'common questions', 'questions and answers'],
    lang: 'en',
    evidence: { faq: 4 },
  },
  { phrases: ['faq', 'faqs'], lang: 'any', evidence: { faq: 4 } },
  {
    phrases: ['foire aux questions', 'questions fréquentes', 'questions courantes'],
    lang: 'fr',
    evidence: { faq: 4 },
  },

  // --- help ---------------------------------------------------------------------------------------------------
  { phrases: ['help', 'help me', 'commands', 'usage'], lang: 'en', evidence: { help: 2 } },
  { phrases: ['menu'], lang: 'any', evidence: { help: 2 } },
  {
    phrases: [
      'what can you do',
      'what do you do',
      'how does this work',
      'how do i use you',
      'what are you',
      'who are you',
    ],
    lang: 'en',
    evidence: { help: 3 },
  },
  {
    phrases: ['aide', 'aidez-moi', 'aide-moi', 'commandes', 'mode d’emploi'],
    lang: 'fr',
    evidence: { help: 2 },
  },
  {
    phrases: [
      'que sais-tu faire',
      'que peux-tu faire',
      'que savez-vous faire',
      'tu sers à quoi',
      'tu fais quoi',
      'comment ça marche',
      'qui es-tu',
    ],
    lang: 'fr',
    evidence: { help: 3 },
  },
  { phrases: ['hello', 'hi', 'hey', 'good morning', 'good afternoon'], lang: 'en', evidence: { help: 2 } },
  { phrases: ['bonjour', 'salut', 'coucou', 'bonsoir'], lang: 'fr', evidence: { help: 2 } },
  // The recogniser drops a question mark written next to words, so this only counts when it is the whole message.
  { phrases: ['?'], lang: 'any', evidence: { help: 2 } },
];

/** Evidence added by entities found in the message. */
export const ENTITY_EVIDENCE: EntityEvidence = {
  // A room named alone, or with a verb, is a request to look at that room.
  room: { 'room-licence': 2, 'case-status': 0.5 },
  // People only come up for their desk phone, but a name alone is not enough to act.
  person: { 'phone-no-internet': 1 },
  deviceModel: { 'phone-no-internet': 1 },
  caseRef: { 'case-status': 3, 'case-cancel': 2.5 },
};

/** The best intent must reach this score, otherwise the message is `unknown`. */
export const INTENT_THRESHOLD = 2;

/** Breaks exact ties between scores: the more specific request wins over a generic one. */
export const INTENT_TIE_ORDER: readonly ScoredIntent[] = [
  'case-cancel',
  'case-export',
  'helpdesk-channel-set',
  'fleet',
  // A general question that ties with a report is read as the question ("why does the CCX say No internet?").
  'faq',
  'room-licence',
  'phone-no-internet',
  'case-status',
  'help',
];

/**
 * FAQ scoring. A matched keyword weighs by its number of words (index into the list, the last entry for longer
 * phrases): a phrase identifies a question better than a single word.
 */
export const FAQ_KEYWORD_WEIGHTS: readonly number[] = [0, 2, 3, 4];

/**
 * Added to the best FAQ entry's score when the message is a general question, so that the question wins over a
 * report that shares its words ("why does the CCX 500 say No internet?" against "CCX 500 no internet").
 */
export const FAQ_QUESTION_BONUS = 2;

/** A message that lists many keywords is not more of a question than one that names the right two. */
export const FAQ_MAX_SCORE = 8;

/** Phrases that make a message a question wherever they stand. Inverted French verbs read "t il", "t elle". */
export const QUESTION_PHRASES: readonly string[] = [
  'why',
  'how come',
  'how long',
  'how many',
  'explain',
  'tell me why',
  'is it true',
  'pourquoi',
  'est-ce que',
  "est-ce qu'",
  'combien de temps',
  'explique',
  'expliquez',
  'expliquer',
  't-il',
  't-elle',
  't-on',
  'est-il',
  'est-elle',
  'sont-ils',
  'sont-elles',
];

/** Words that make a question when they open the message ("can I…", "is Teams Rooms…", "faut-il…"). */
export const QUESTION_OPENERS: readonly string[] = wordList(`
  is are can could will would should must do does did may might has have which what how when where who why
  pourquoi comment quel quelle quels quelles combien est sont peut peux puis pouvez pouvons dois doit doivent faut
  faudrait quand qui
`);

/**
 * First-person words. `own`: the writer's own device ("my phone", "mon poste"): a question about it is a report, not
 * a general question. `speaker`: the writer as the subject ("I can't make calls", "je n'ai plus internet").
 */
export const SELF_WORDS: Readonly<Record<'own' | 'speaker', readonly string[]>> = {
  own: ['my', 'mine', 'mon', 'ma', 'mes'],
  speaker: ['i', 'me', 'myself', 'je', 'j', 'moi'],
};

/** Someone else than the writer: "my colleague's phone" is not the writer's phone. */
export const OTHER_OWNER_WORDS: readonly string[] = wordList(`
  colleague colleagues coworker coworkers boss manager assistant user customer client visitor guest receptionist
  reception collègue collègues chef cheffe responsable assistante utilisateur utilisatrice cliente visiteur
  visiteuse accueil réception voisin voisine
`);

/**
 * Words that tell the language a message is written in. Words present in both lists vote for neither.
 * Also the words never "corrected" as typos: a real word is not a misspelling of a lexicon word.
 */
export const LANGUAGE_WORDS: Readonly<Record<'en' | 'fr', readonly string[]>> = {
  en: wordList(`
    the a an is are was were be been being in on at of to for with from by about into over after before since my
    our your his her their it its this that these those and or but not no yes can can't cannot could would
    should will won't doesn't don't isn't aren't didn't does do did has have had what what's where when why how
    who which there here again still please thanks thank you i i'm me we us they them he she says say said
    saying shows show showing get gets got getting all any some just now today yesterday morning afternoon
    evening lunch working work new old same one two anymore also too very really if then so up out off someone
    anyone time day week long keeps keep need needs want know tell look looks seems like message displays reads
    user users device devices use used using sign account supported make makes made else other each every came
    come back going go went good bad hour hours minutes floor office building desk next first last seen see saw
    weekend monday friday coffee printer clean weather nice great cool awesome sure maybe right wrong done valid
    boss manager guest visitor lobby kitchen parking car train late early
  `),
  fr: wordList(`
    le la les l un une des du de d au aux et ou où mais pas ne n plus est sont ai as avons avez ont été être
    avoir fait faire je j tu il elle nous vous ils elles te t se s ce c cet cette ces mon ma mes ton ta tes sa
    ses notre nos votre vos leur leurs qui que qu quoi quel quelle quels quelles dans sur sous avec pour par
    chez sans depuis encore toujours déjà aussi très bien merci svp stp s'il plaît affiche affichent indique dit
    marque écrit aujourd'hui hier matin demain maintenant rien tout tous toute toutes peux peut pouvez sais sait
    savez y en comme quand comment pourquoi si alors donc voilà oui non ça cela ceci lui moi toi nouveau
    nouvelle petit petite grand grande mal heure heures minutes jour semaine besoin voudrais veux aimerais
    arrive reste passe appareil compte utilisé utiliser pris charge message étage bureau bâtiment utilisateur
    utilisatrice collègue midi déjeuner manger café imprimante quelqu’un autre même soir lundi vendredi bon
    bonne vrai faux fini valide chef visiteur accueil cuisine parking voiture train retard tôt tard temps beau
    super génial peut-être on
  `),
};

/**
 * Chat noise: politeness, bot mentions left over by Teams, filler. Known words (never typo-corrected), and never
 * taken for a person's name unless written after "d'", "de", "'s"…
 */
export const NOISE_WORDS: Readonly<Record<LexiconLanguage, readonly string[]>> = {
  en: ['pls', 'plz', 'please', 'thanks', 'thx', 'ty', 'cheers', 'asap', 'guys', 'folks', 'team'],
  fr: ['svp', 'stp', 'merci', 'bisous', 'cordialement', 'vite'],
  any: ['bot', 'helpdesk', 'ok', 'okay', 'lol', 'hmm', 'xd', 'ping', 'fyi', 'urgent'],
};

/** Generic words in room names and mentions ("Room 4B", "la salle 4B", "the MTR in 4B"). */
export const ROOM_WORDS: readonly string[] = [
  'room',
  'rooms',
  'salle',
  'salles',
  'meeting',
  'réunion',
  'conference',
  'conférence',
  'mtr',
  'teams',
  'visio',
];

/** Translations of words found in room names, so either language finds the room ("boardroom nord"). */
export const ROOM_TOKEN_SYNONYMS: Readonly<Record<string, string>> = {
  nord: 'north',
  sud: 'south',
  est: 'east',
  ouest: 'west',
  conseil: 'boardroom',
  rdc: 'ground',
  annexe: 'annex',
};

/** Words that make the next or previous word a person's name ("le téléphone d'Alice", "for Bob"). */
export const PERSON_CONTEXT_WORDS: readonly string[] = [
  'd',
  'de',
  'du',
  'of',
  'for',
  'pour',
  'chez',
  'à',
  'from',
];

/** Words that introduce a case number ("case 12", "dossier n° 12"). */
export const CASE_WORDS: readonly string[] = ['case', 'cases', 'cas', 'dossier', 'ticket', 'incident'];

/** Words that may sit between a case word and its number ("case no 12", "dossier numéro 12"). */
export const CASE_NUMBER_MARKERS: readonly string[] = ['no', 'n', 'nr', 'num', 'number', 'numéro', 'numero'];

/** Device families whose name, followed by a number, is a model ("CCX 500"). */
export const DEVICE_FAMILIES: Readonly<Record<string, string>> = { ccx: 'CCX', vvx: 'VVX', trio: 'Trio' };

/** Words after which a digit-and-letter code is a floor, not a room ("4e étage"). */
export const FLOOR_WORDS: readonly string[] = ['étage', 'floor', 'niveau'];

/**
 * Letters that turn a number into an hour in French ("depuis 8h", "à 14h"). Written in lower case after a number up
 * to 24, such a token is a time unless it follows a room word ("salle 8h"); "8H" in capitals stays a room code.
 */
export const HOUR_LETTERS: readonly string[] = ['h'];

/** French elided words written with an apostrophe ("d'Alice", "l'écran", "qu'il"). */
export const ELISION_PREFIXES: readonly string[] = [
  'c',
  'd',
  'j',
  'l',
  'm',
  'n',
  's',
  't',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
];

/**
 * One-letter words that are also verbs ("la salle 4 a un problème"): a number followed by one of them is joined into
 * a room code only when nothing follows.
 */
export const VERB_LIKE_LETTERS: readonly string[] = ['a', 'y'];
