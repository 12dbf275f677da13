import type { Locale } from '../../../bot/i18n';
import {
  type AdaptiveCard,
  type ConfirmActionView,
  type ErrorView,
  type HelpExample,
  type MessageCardView,
  type RoomChoiceView,
  type RoomDiagnosisView,
  renderConfirmActionCard,
  renderErrorCard,
  renderHelpCard,
  renderMessageCard,
  renderPhoneChoiceCard,
  renderPhoneDiagnosisCard,
  renderRoomChoiceCard,
  renderRoomDiagnosisCard,
} from '../../../bot/cards';

const phoneChoice = {
  person: 'Alice Martin',
  pickVerb: 'phone.diagnose',
  phones: [
    { label: 'Poly CCX 500', detail: '00-04-F2-A1-10-01 · offline', data: { userId: 'u1', deviceId: 'd1' } },
    { label: 'Poly CCX 400', detail: '00-04-F2-A1-10-09', data: { userId: 'u1', deviceId: 'd2' } },
  ],
};

/** Views in one language, as the rest of the bot would build them for the demo tenant. */
export interface Fixtures {
  diagnosis: RoomDiagnosisView;
  ambiguous: RoomChoiceView;
  notFound: RoomChoiceView;
  notFoundNoSuggestion: RoomChoiceView;
  confirm: ConfirmActionView;
  error: ErrorView;
  examples: HelpExample[];
  message: MessageCardView;
}

const boardrooms = [
  { id: 'room-bn', displayName: 'Boardroom North', emailAddress: 'boardroom-n@contoso.com', location: 'HQ' },
  { id: 'room-bs', displayName: 'Boardroom South', emailAddress: 'boardroom-s@contoso.com' },
];

const powershell =
  "Get-MgUserLicenseDetail -UserId 'room-4b@contoso.com' |\n  Select-Object SkuPartNumber, @{n='Plans';e={$_.ServicePlans.Count}}";

export const FIXTURES: Record<Locale, Fixtures> = {
  en: {
    diagnosis: {
      room: {
        id: 'room-4b',
        displayName: 'Room 4B',
        emailAddress: 'room-4b@contoso.com',
        location: 'HQ, floor 4',
      },
      verdict: {
        headline: 'The console is hit by the 5.2.115.0 licence bug',
        summary: 'The room account has a valid Teams Rooms Pro licence, yet the app refuses to sign in.',
        tone: 'attention',
      },
      evidence: [
        { label: 'Teams Rooms app', value: '5.2.115.0 (affected build)', tone: 'attention' },
        { label: 'Licence', value: 'Teams Rooms Pro, assigned directly', tone: 'good' },
        { label: 'Account', value: 'Enabled', tone: 'good' },
        { label: 'Last sign-in', value: '3 days ago', tone: 'warning' },
        { label: 'Usage location', value: 'FR', tone: 'default' },
      ],
      plan: [
        {
          title: 'Remove the Teams Rooms Pro licence',
          detail: 'The bot stores the exact licence first so it can be restored.',
          powershell,
        },
        { title: 'Wait at least 8 hours', detail: 'Reassigning earlier leaves the console broken.' },
        { title: 'Reassign the licence and restart the console', detail: '' },
        { title: 'If it still fails: re-image the console', detail: 'Keep this for last.', advanced: true },
      ],
      missingEvidence: ['The device health report could not be read (Graph answered 503).'],
      gatheredAt: '12 Nov 2026, 14:32',
      actions: [
        {
          verb: 'room.fix.start',
          title: 'Start the fix',
          data: { caseId: 'case-12', version: 3 },
          style: 'positive',
        },
        { verb: 'room.rediagnose', title: 'Check again', data: { roomId: 'room-4b' } },
        {
          verb: 'case.escalate',
          title: 'Escalate',
          data: { caseId: 'case-12', version: 3 },
          style: 'destructive',
        },
      ],
    },
    ambiguous: {
      query: 'boardroom',
      rooms: boardrooms,
      pickVerb: 'room.pick',
      pickData: { intent: 'room-licence' },
    },
    notFound: { query: 'Room 4Z', rooms: boardrooms.slice(0, 1), pickVerb: 'room.pick', pickData: {} },
    notFoundNoSuggestion: { query: 'Atlantis', rooms: [], pickVerb: 'room.pick', pickData: {} },
    confirm: {
      title: 'Remove the licence from Room 4B?',
      changes: [
        'Remove Teams Rooms Pro from room-4b@contoso.com',
        'Remind this thread in 8 hours to reassign it',
      ],
      warning: 'The room cannot join meetings until the licence is back.',
      confirm: {
        verb: 'room.fix.confirm',
        title: 'Remove the licence',
        data: { caseId: 'case-12', version: 4 },
      },
      cancel: { verb: 'room.fix.cancel', title: 'Cancel', data: { caseId: 'case-12', version: 4 } },
    },
    error: {
      title: 'Microsoft Graph refused the request',
      message: 'The bot is missing the Place.Read.All permission.',
      nextStep: 'Ask an administrator to grant admin consent, then try again.',
      correlationId: 'corr-5f1c',
      requestId: 'b1a2c3d4-0000-4000-8000-000000000001',
    },
    examples: [
      { text: 'Room 4B cannot sign in', description: 'Diagnoses a Teams Room and proposes the fix.' },
      { text: "Alice's phone has no network", description: 'Walks through a Teams phone that is offline.' },
      { text: 'status of case 12', description: 'Shows where a repair stands.' },
    ],
    message: {
      title: 'Licence reassigned',
      lines: ['Room 4B has its licence back.', 'Restart the console now.'],
      tone: 'good',
    },
  },
  fr: {
    diagnosis: {
      room: {
        id: 'room-4b',
        displayName: 'Salle 4B',
        emailAddress: 'room-4b@contoso.com',
        location: 'Siège, étage 4',
      },
      verdict: {
        headline: 'La console est touchée par le bogue de licence de la version 5.2.115.0',
        summary:
          "Le compte de la salle a une licence Teams Rooms Pro valide, mais l'application refuse la connexion.",
        tone: 'attention',
      },
      evidence: [
        { label: 'Application Teams Rooms', value: '5.2.115.0 (version touchée)', tone: 'attention' },
        { label: 'Licence', value: 'Teams Rooms Pro, attribuée directement', tone: 'good' },
        { label: 'Compte', value: 'Activé', tone: 'good' },
        { label: 'Dernière connexion', value: 'il y a 3 jours', tone: 'warning' },
        { label: "Pays d'utilisation", value: 'FR', tone: 'default' },
      ],
      plan: [
        {
          title: 'Retirer la licence Teams Rooms Pro',
          detail: "Le bot enregistre d'abord la licence exacte pour pouvoir la restaurer.",
          powershell,
        },
        {
          title: 'Attendre au moins 8 heures',
          detail: 'Une réattribution plus tôt laisse la console en panne.',
        },
        { title: 'Réattribuer la licence et redémarrer la console', detail: '' },
        {
          title: 'Si cela échoue encore : réinstaller la console',
          detail: 'En dernier recours.',
          advanced: true,
        },
      ],
      missingEvidence: ["L'état de santé de l'appareil n'a pas pu être lu (Graph a répondu 503)."],
      gatheredAt: '12 nov. 2026, 14:32',
      actions: [
        {
          verb: 'room.fix.start',
          title: 'Lancer la réparation',
          data: { caseId: 'case-12', version: 3 },
          style: 'positive',
        },
        { verb: 'room.rediagnose', title: 'Vérifier à nouveau', data: { roomId: 'room-4b' } },
        {
          verb: 'case.escalate',
          title: 'Transmettre',
          data: { caseId: 'case-12', version: 3 },
          style: 'destructive',
        },
      ],
    },
    ambiguous: {
      query: 'salle du conseil',
      rooms: boardrooms,
      pickVerb: 'room.pick',
      pickData: { intent: 'room-licence' },
    },
    notFound: { query: 'Salle 4Z', rooms: boardrooms.slice(0, 1), pickVerb: 'room.pick', pickData: {} },
    notFoundNoSuggestion: { query: 'Atlantide', rooms: [], pickVerb: 'room.pick', pickData: {} },
    confirm: {
      title: 'Retirer la licence de la salle 4B\u00a0?',
      changes: [
        'Retirer Teams Rooms Pro de room-4b@contoso.com',
        'Relancer ce fil dans 8 heures pour la réattribuer',
      ],
      warning: "La salle ne pourra plus rejoindre de réunion tant que la licence n'est pas revenue.",
      confirm: {
        verb: 'room.fix.confirm',
        title: 'Retirer la licence',
        data: { caseId: 'case-12', version: 4 },
      },
      cancel: { verb: 'room.fix.cancel', title: 'Annuler', data: { caseId: 'case-12', version: 4 } },
    },
    error: {
      title: 'Microsoft Graph a refusé la requête',
      message: "Il manque au bot l'autorisation Place.Read.All.",
      nextStep: 'Demandez à un administrateur de donner son consentement, puis réessayez.',
      correlationId: 'corr-5f1c',
      requestId: 'b1a2c3d4-0000-4000-8000-000000000001',
    },
    examples: [
      {
        text: 'La salle 4B ne se connecte pas',
        description: 'Diagnostique une salle Teams et propose la réparation.',
      },
      {
        text: "Le téléphone d'Alice n'a pas de réseau",
        description: 'Guide le dépannage d’un téléphone Teams hors ligne.',
      },
      { text: 'état du dossier 12', description: 'Indique où en est une réparation.' },
    ],
    message: {
      title: 'Licence réattribuée',
      lines: ['La salle 4B a retrouvé sa licence.', 'Redémarrez la console maintenant.'],
      tone: 'good',
    },
  },
};

/** Every card the module renders, each variant once, from the fixtures of one language. */
export function renderAll(locale: Locale): { name: string; card: AdaptiveCard }[] {
  const f = FIXTURES[locale];
  const withoutRequestId: ErrorView = { ...f.error, nextStep: undefined, requestId: undefined };
  return [
    { name: 'room diagnosis', card: renderRoomDiagnosisCard(f.diagnosis, locale) },
    { name: 'room choice (ambiguous)', card: renderRoomChoiceCard(f.ambiguous, locale, 'ambiguous') },
    {
      name: 'room choice (not found, suggestions)',
      card: renderRoomChoiceCard(f.notFound, locale, 'not-found'),
    },
    {
      name: 'room choice (not found, none)',
      card: renderRoomChoiceCard(f.notFoundNoSuggestion, locale, 'not-found'),
    },
    { name: 'confirm action', card: renderConfirmActionCard(f.confirm, locale) },
    {
      name: 'confirm action (no warning)',
      card: renderConfirmActionCard({ ...f.confirm, warning: undefined }, locale),
    },
    { name: 'help', card: renderHelpCard(locale, f.examples) },
    { name: 'error', card: renderErrorCard(f.error, locale) },
    { name: 'error (no next step, no request id)', card: renderErrorCard(withoutRequestId, locale) },
    { name: 'message', card: renderMessageCard(locale, f.message) },
    { name: 'phone choice', card: renderPhoneChoiceCard(phoneChoice, locale) },
    {
      name: 'phone diagnosis',
      card: renderPhoneDiagnosisCard(
        {
          phone: {
            title: 'Poly CCX 500 · Alice Martin',
            subtitle: 'alice.martin@contoso.com',
            facts: [{ label: 'IP', value: '10.20.3.41' }],
          },
          verdict: f.diagnosis.verdict,
          evidence: f.diagnosis.evidence,
          plan: f.diagnosis.plan,
          missingEvidence: [],
          gatheredAt: f.diagnosis.gatheredAt,
          actions: f.diagnosis.actions,
        },
        locale,
      ),
    },
  ];
}
