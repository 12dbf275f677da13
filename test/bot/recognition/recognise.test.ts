import { strict as assert } from 'node:assert';
import type { Locale } from '../../../bot/i18n';
import { buildRecogniser } from '../../../bot/recognition';
import type { Intent, Resolution } from '../../../bot/recognition/types';
import { DEMO_DIRECTORY } from './demo-directory';

/** A display name (resolved), null (nothing named), or one of the two other outcomes. */
type Expected = string | null | { ambiguous: string[] } | { notFound: string; suggestions?: string[] };

interface Row {
  text: string;
  intent: Intent;
  locale: Locale;
  room: Expected;
  person: Expected;
  model?: string;
  caseRef?: string;
  /** The FAQ entry a question matches. */
  faqId?: string;
  /** The writer speaks of their own phone. */
  self?: true;
  /** The user's Teams locale, when the row tests it. */
  userLocale?: Locale;
}

const amb = (...names: string[]): Expected => ({ ambiguous: names });
const nf = (query: string, ...suggestions: string[]): Expected => ({
  notFound: query,
  ...(suggestions.length > 0 ? { suggestions } : {}),
});

function row(
  text: string,
  intent: Intent,
  locale: Locale,
  room: Expected,
  person: Expected,
  extra: Partial<Pick<Row, 'model' | 'caseRef' | 'faqId' | 'self' | 'userLocale'>> = {},
): Row {
  return { text, intent, locale, room, person, ...extra };
}

const RL: Intent = 'room-licence';
const PH: Intent = 'phone-no-internet';
const CS: Intent = 'case-status';
const HELP: Intent = 'help';
const UNK: Intent = 'unknown';
const CHANNEL: Intent = 'helpdesk-channel-set';
const FLEET: Intent = 'fleet';
const FAQ: Intent = 'faq';
const SELF = { self: true } as const;
const faq = (faqId: string) => ({ faqId });

const ENGLISH: Row[] = [
  // The issue's examples.
  row('room 4B stuck on licence', RL, 'en', 'Room 4B', null),
  row('4-b license error', RL, 'en', 'Room 4B', null),
  row("the MTR in 4B says it doesn't have the correct license", RL, 'en', 'Room 4B', null),
  row("Alice's CCX 500 says no internet", PH, 'en', null, 'Alice Martin', { model: 'CCX 500' }),
  row('status 4B', CS, 'en', 'Room 4B', null),
  row('cases', CS, 'en', null, null),
  row('help', HELP, 'en', null, null),
  // Cancelling and exporting cases.
  row('cancel case 12', 'case-cancel', 'en', null, null, { caseRef: '12' }),
  row('please cancel #7', 'case-cancel', 'en', null, null, { caseRef: '7' }),
  row('export cases', 'case-export', 'en', null, null),
  row('export the cases as csv pls', 'case-export', 'en', null, null),
  row('annule le dossier 12', 'case-cancel', 'fr', null, null, { caseRef: '12' }),
  row('annuler dossier 3 svp', 'case-cancel', 'fr', null, null, { caseRef: '3' }),
  row('exporte les dossiers', 'case-export', 'fr', null, null),
  row('exporter les dossiers en csv', 'case-export', 'fr', null, null),
  // Room licence.
  row(
    "The account used to sign in doesn't have the correct license to use this device",
    RL,
    'en',
    null,
    null,
  ),
  row('Room 4B', RL, 'en', 'Room 4B', null),
  row('4B', RL, 'en', 'Room 4B', null),
  row('room4b', RL, 'en', 'Room 4B', null),
  row('4 b', RL, 'en', 'Room 4B', null),
  row('room-4b@contoso.com', RL, 'en', 'Room 4B', null),
  row('check 4B', RL, 'en', 'Room 4B', null),
  row('room 8H stuck', RL, 'en', 'Room 8H', null),
  row('8H stuck', RL, 'en', 'Room 8H', null),
  row("MTR 4B won't start the meeting", RL, 'en', 'Room 4B', null),
  row('the room in 4B is stuck again 😡', RL, 'en', 'Room 4B', null),
  row('hey bot, can you check room 2C? thanks!', RL, 'en', 'Room 2C', null),
  row('can you look at Boardroom North', RL, 'en', 'Boardroom North', null),
  row('boardroom south stuck on sign in', RL, 'en', 'Boardroom South', null),
  row('Boardroom North licence error', RL, 'en', 'Boardroom North', null),
  row('room 4B still stuck, any update?', RL, 'en', 'Room 4B', null),
  row('in case the room 4B is stuck', RL, 'en', 'Room 4B', null),
  row('room 4b licensed but stuck', RL, 'en', 'Room 4B', null),
  row('<at>Helpdesk Bot</at> diagnose room 6F', RL, 'en', 'Room 6F', null),
  row('Room 7G: sign-in failing since this morning', RL, 'en', 'Room 7G', null),
  row("room 1A won't sign in!!!", RL, 'en', 'Room 1A', null),
  row('please check the MTR in room 3D', RL, 'en', 'Room 3D', null),
  row('room 4B 🙏🙏', RL, 'en', 'Room 4B', null),
  row('ROOM 4B STUCK ON LICENSE', RL, 'en', 'Room 4B', null),
  row(
    `Room 4B: "The account used to sign in doesn't have the correct license to use this device"`,
    RL,
    'en',
    'Room 4B',
    null,
  ),
  row('hi, room 4B stuck', RL, 'en', 'Room 4B', null),
  row('i need help with room 4A', RL, 'en', 'Room 4A', null),
  row('stuck licence', RL, 'en', null, null),
  row('licensed', RL, 'en', null, null),
  row('the teams room in the annex is unlicensed', RL, 'en', null, null),
  row("room 5E can't join meetings", RL, 'en', 'Room 5E', null),
  row('@Helpdesk Bot room 4B pls', RL, 'en', 'Room 4B', null),
  row('the screen in room 4B says licence error', RL, 'en', 'Room 4B', null),
  row('Hi! The screen in the meeting room 4B shows an error about the license', RL, 'en', 'Room 4B', null),
  row("I can't sign in on the room console in 6F", RL, 'en', 'Room 6F', null),
  row("what's up with 4B", RL, 'en', 'Room 4B', null),
  row('room 3d', RL, 'en', 'Room 3D', null),
  row('room 4B, 4A', RL, 'en', amb('Room 4A', 'Room 4B'), null),
  row('Helpdesk Bot room 4B', RL, 'en', 'Room 4B', null),
  // Typos.
  row('licnse issue in 4B', RL, 'en', 'Room 4B', null),
  row('lisence problem room 4A', RL, 'en', 'Room 4A', null),
  row('bordroom south', RL, 'en', 'Boardroom South', null),
  row('room 2C is stcuk', RL, 'en', 'Room 2C', null),
  row("Alcie's phone no internet", PH, 'en', null, 'Alice Martin'),
  row('helpp', HELP, 'en', null, null),
  row('staus of 4B', CS, 'en', 'Room 4B', null),
  // Ambiguous and unknown rooms.
  row('boardroom', RL, 'en', amb('Boardroom North', 'Boardroom South'), null),
  row('the boardroom is stuck', RL, 'en', amb('Boardroom North', 'Boardroom South'), null),
  row('room 4B and room 4A are stuck', RL, 'en', amb('Room 4A', 'Room 4B'), null),
  row('room 9Z', RL, 'en', nf('9Z', 'Room 1A', 'Room 2C', 'Room 3D'), null),
  row("room 9Z won't start meetings", RL, 'en', nf('9Z'), null),
  row('room 14B stuck', RL, 'en', nf('14B', 'Room 4B', 'Room 1A', 'Room 4A'), null),
  row('room 44B', RL, 'en', nf('44B', 'Room 4B', 'Room 4A'), null),
  // Phones.
  row("No internet. Emergency calls aren't supported", PH, 'en', null, null),
  row("Chloé's phone can't make calls", PH, 'en', null, 'Chloé Petit'),
  row('Poly CCX 400 at reception no internet', PH, 'en', null, 'Reception', { model: 'CCX 400' }),
  row('ccx500 no internet', PH, 'en', null, null, { model: 'CCX 500' }),
  row('CCX-500 says no internet', PH, 'en', null, null, { model: 'CCX 500' }),
  row("Bob Durand's phone: No internet. Emergency calls aren't supported", PH, 'en', null, 'Bob Durand'),
  row(`David's CCX says "No internet. Emergency calls aren't supported"`, PH, 'en', null, 'David Leroy'),
  row('check alice.martin@contoso.com phone', PH, 'en', null, 'Alice Martin'),
  row('Reception phone no internet', PH, 'en', null, 'Reception'),
  row("Léo's desk phone", PH, 'en', null, 'Léo Dupont'),
  row('leo phone', PH, 'en', null, 'Léo Dupont'),
  row('Marc Helpdesk phone no internet', PH, 'en', null, 'Marc Helpdesk'),
  row("emergency calls not working on Alice's phone", PH, 'en', null, 'Alice Martin'),
  row("Bob's phone says no internet", PH, 'en', null, 'Bob Durand'),
  row('bob.durand@contoso.com no internet', PH, 'en', null, 'Bob Durand'),
  row("David Leroy's CCX 500 is offline", PH, 'en', null, 'David Leroy', { model: 'CCX 500' }),
  row("the CCX at Reception can't call out", PH, 'en', null, 'Reception'),
  row("emergency calls aren't supported on the phone of Chloé Petit", PH, 'en', null, 'Chloé Petit'),
  row("Alice Martin can't make calls", PH, 'en', null, 'Alice Martin'),
  row("no dial tone on Bob's desk phone", PH, 'en', null, 'Bob Durand'),
  row('can you help me? the phone on my desk says No internet', PH, 'en', null, null, SELF),
  row("my phone says emergency calls aren't supported", PH, 'en', null, null, SELF),
  row('DAVID LEROY phone offline', PH, 'en', null, 'David Leroy'),
  row("MARTIN's phone is offline", PH, 'en', null, 'Alice Martin'),
  row("Alicent's phone no internet", PH, 'en', null, nf('Alicent', 'Alice Martin')),
  row("Bobby's phone no internet", PH, 'en', null, nf('Bobby', 'Bob Durand')),
  row('unknown.person@contoso.com no internet', PH, 'en', null, nf('unknown.person@contoso.com')),
  // Case status.
  row('case 12', CS, 'en', null, null, { caseRef: '12' }),
  row('#12', CS, 'en', null, null, { caseRef: '12' }),
  row('open cases', CS, 'en', null, null),
  row('where are we with room 5E', CS, 'en', 'Room 5E', null),
  row('my cases', CS, 'en', null, null),
  row('case #7', CS, 'en', null, null, { caseRef: '7' }),
  row('ticket 42', CS, 'en', null, null, { caseRef: '42' }),
  row("what's the status of room 2C?", CS, 'en', 'Room 2C', null),
  row('any update on 4B?', CS, 'en', 'Room 4B', null),
  row('status of case 3', CS, 'en', null, null, { caseRef: '3' }),
  row('show me the open cases pls', CS, 'en', null, null),
  row('status', CS, 'en', null, null),
  row('any news on the 4B case?', CS, 'en', 'Room 4B', null),
  row("status of Alice's phone", CS, 'en', null, 'Alice Martin'),
  // Help.
  row('what can you do', HELP, 'en', null, null),
  row('what can you do?', HELP, 'en', null, null),
  row('?', HELP, 'en', null, null),
  row('hello', HELP, 'en', null, null),
  row('help me', HELP, 'en', null, null),
  row('hi', HELP, 'en', null, null),
  row('good morning', HELP, 'en', null, null),
  // Unknown chatter and substring traps.
  row("what's for lunch", UNK, 'en', null, null),
  row('thanks', UNK, 'en', null, null),
  row('broom cupboard is dirty', UNK, 'en', null, null),
  row('the bathroom is dirty', UNK, 'en', null, null),
  row('4BX is a new product', UNK, 'en', null, null),
  row('this is pure malice', UNK, 'en', null, null),
  row('the printer on floor 4 is broken', UNK, 'en', null, null),
  row('Alice', UNK, 'en', null, 'Alice Martin'),
  row('Anna Helpdesk', UNK, 'en', null, 'Anna Helpdesk'),
  row('helpdesk', UNK, 'en', null, null),
  row('lol', UNK, 'en', null, null),
  row('ok thanks bot', UNK, 'en', null, null),
  // End users in a 1:1 chat, about a room or their own phone.
  row("room 4B won't start the meeting", RL, 'en', 'Room 4B', null),
  row("the Teams room in 4B doesn't work", RL, 'en', 'Room 4B', null),
  row('Hi, the screen in room 4B says licence error, can you help?', RL, 'en', 'Room 4B', null),
  row('my phone says no internet', PH, 'en', null, null, SELF),
  row("my desk phone can't make calls", PH, 'en', null, null, SELF),
  row("emergency calls aren't supported on my phone", PH, 'en', null, null, SELF),
  row("I can't make calls", PH, 'en', null, null, SELF),
  row('no internet on my CCX 500', PH, 'en', null, null, { ...SELF, model: 'CCX 500' }),
  row("My desk phone: No internet. Emergency calls aren't supported", PH, 'en', null, null, SELF),
  row("Hi, my phone can't call anyone", PH, 'en', null, null, SELF),
  row('my phone says No internet!!', PH, 'en', null, null, SELF),
  row('why does my phone say no internet?', PH, 'en', null, null, SELF),
  row("my colleague's phone says no internet", PH, 'en', null, null),
  row("my phone and Bob's phone say no internet", PH, 'en', null, 'Bob Durand'),
  row('the phone says no internet', PH, 'en', null, null),
  // Setting the helpdesk channel.
  row('set helpdesk channel', CHANNEL, 'en', null, null),
  row('Set the helpdesk channel please', CHANNEL, 'en', null, null),
  row('@Helpdesk Bot set helpdesk chanel', CHANNEL, 'en', null, null),
  row('set this channel as the helpdesk channel', CHANNEL, 'en', null, null),
  row('use this channel for reports', CHANNEL, 'en', null, null),
  row('use this chanel for reports pls', CHANNEL, 'en', null, null),
  row('make this the helpdesk channel', CHANNEL, 'en', null, null),
  row('send reports here', CHANNEL, 'en', null, null),
  row('post reports here thanks', CHANNEL, 'en', null, null),
  row('SET HELPDESK CHANNEL', CHANNEL, 'en', null, null),
  row('set this as the helpdesk channel!', CHANNEL, 'en', null, null),
  row('support channel', CHANNEL, 'en', null, null),
  // The fleet scan.
  row('fleet', FLEET, 'en', null, null),
  row('Fleet scan please', FLEET, 'en', null, null),
  row('scan the fleet!', FLEET, 'en', null, null),
  row('flet scan', FLEET, 'en', null, null),
  row('fleet status', FLEET, 'en', null, null),
  row('which rooms are broken?', FLEET, 'en', null, null),
  row('which rooms are down', FLEET, 'en', null, null),
  row('what rooms are broken right now', FLEET, 'en', null, null),
  row('check all rooms', FLEET, 'en', null, null),
  row('scan every room pls', FLEET, 'en', null, null),
  row('<at>Helpdesk Bot</at> fleet', FLEET, 'en', null, null),
  row('FLEET', FLEET, 'en', null, null),
  row('which room is broken', FLEET, 'en', null, null),
  // The playbooks' FAQ.
  row('why only some rooms?', FAQ, 'en', null, null, faq('why-only-some-rooms')),
  row('Why are only some of our rooms stuck?', FAQ, 'en', null, null, faq('why-only-some-rooms')),
  row('why do only a few rooms have the licence error?', FAQ, 'en', null, null, faq('why-only-some-rooms')),
  row('Hi bot! why only some rooms? thanks', FAQ, 'en', null, null, faq('why-only-some-rooms')),
  row('will Pro always fix it?', FAQ, 'en', null, null, faq('will-pro-always-fix-it')),
  row(
    'Will Teams Rooms Pro always fix the licence error?',
    FAQ,
    'en',
    null,
    null,
    faq('will-pro-always-fix-it'),
  ),
  row('does switching to pro always work?', FAQ, 'en', null, null, faq('will-pro-always-fix-it')),
  row('can I downgrade to 5.1.111.0?', FAQ, 'en', null, null, faq('can-i-downgrade')),
  row('can we roll back to 5.1.111.0?', FAQ, 'en', null, null, faq('can-i-downgrade')),
  row('can I dowgrade the console?', FAQ, 'en', null, null, faq('can-i-downgrade')),
  row('must I always reset?', FAQ, 'en', null, null, faq('must-i-always-reset')),
  row('do I need to reset the console every time?', FAQ, 'en', null, null, faq('must-i-always-reset')),
  row('can I skip the reset?', FAQ, 'en', null, null, faq('must-i-always-reset')),
  row('why wait 8 to 24 hours?', FAQ, 'en', null, null, faq('why-wait-8-to-24-hours')),
  row('how long do I have to wait?', FAQ, 'en', null, null, faq('why-wait-8-to-24-hours')),
  row('can I use an E3 licence on a room account?', FAQ, 'en', null, null, faq('e3-on-room-account')),
  row('is E5 ok on a room account?', FAQ, 'en', null, null, faq('e3-on-room-account')),
  row('is Teams Rooms Standard still supported?', FAQ, 'en', null, null, faq('is-standard-still-supported')),
  row('is the Standard licence deprecated?', FAQ, 'en', null, null, faq('is-standard-still-supported')),
  row('why does the CCX 500 say No internet?', FAQ, 'en', null, null, {
    ...faq('why-ccx-no-internet'),
    model: 'CCX 500',
  }),
  row("why does the phone say No internet. Emergency calls aren't supported?", FAQ, 'en', null, null, {
    ...faq('why-ccx-no-internet'),
  }),
  row('which ports must be open for Teams phones?', FAQ, 'en', null, null, faq('which-ports-for-phones')),
  row('what firewall ports do Teams phones need?', FAQ, 'en', null, null, faq('which-ports-for-phones')),
  row('why update to firmware 8.x?', FAQ, 'en', null, null, faq('why-firmware-8')),
  row('why should I update the firmware?', FAQ, 'en', null, null, faq('why-firmware-8')),
  row('what licence does a Teams phone need?', FAQ, 'en', null, null, faq('which-licence-for-phones')),
  row('faq', FAQ, 'en', null, null),
  row('frequently asked questions', FAQ, 'en', null, null),
  row('faq pro', FAQ, 'en', null, null, faq('will-pro-always-fix-it')),
  // Two entries match as well: the list of questions, not a guess.
  row('why reset or wait?', FAQ, 'en', null, null),
  // A question about a named room, case or one's own device is a request to look at it.
  row('why is room 4B stuck on licence?', RL, 'en', 'Room 4B', null),
  row('can I downgrade room 4B to 5.1.111.0?', RL, 'en', 'Room 4B', null),
  row('is room 3D still supported?', RL, 'en', 'Room 3D', null),
  row('why is case 12 stuck?', CS, 'en', null, null, { caseRef: '12' }),
  row("why does Alice's phone say no internet?", PH, 'en', null, 'Alice Martin'),
  row('CCX 500 no internet', PH, 'en', null, null, { model: 'CCX 500' }),
  row('any update?', CS, 'en', null, null),
  // Chatter near the new intents.
  row('the channel is busy', UNK, 'en', null, null),
  row('which channel is this', UNK, 'en', null, null),
  row('I watched a TV channel', UNK, 'en', null, null),
  row('why not?', UNK, 'en', null, null),
  row('how are you?', UNK, 'en', null, null),
  row('can I have a coffee?', UNK, 'en', null, null),
  row('will it rain today?', UNK, 'en', null, null),
  row('reset', UNK, 'en', null, null),
  row('ports', UNK, 'en', null, null),
  row('the rooms are clean', UNK, 'en', null, null),
];

const FRENCH: Row[] = [
  // The issue's examples.
  row('salle 4B bloquée licence', RL, 'fr', 'Room 4B', null),
  row("le CCX 500 d'Alice affiche No internet", PH, 'fr', null, 'Alice Martin', { model: 'CCX 500' }),
  row("le téléphone d'Alice Martin affiche No internet", PH, 'fr', null, 'Alice Martin'),
  row('où en est la salle 4B', CS, 'fr', 'Room 4B', null),
  row('aide', HELP, 'fr', null, null),
  // Room licence.
  row('salel 4B bloquée', RL, 'fr', 'Room 4B', null),
  row('boardroom nord', RL, 'fr', 'Boardroom North', null, { userLocale: 'fr' }),
  row('la salle boardroom nord est bloquée', RL, 'fr', 'Boardroom North', null),
  row('salle du conseil sud', RL, 'fr', 'Boardroom South', null),
  row('<at>Helpdesk Bot</at> salle 2C svp !!!', RL, 'fr', 'Room 2C', null),
  row('depuis 8h la salle 4B est bloquée', RL, 'fr', 'Room 4B', null),
  row('salle 8h', RL, 'fr', 'Room 8H', null),
  row('Room 4B ne démarre pas la réunion', RL, 'fr', 'Room 4B', null),
  row('la 4B est plantée depuis ce matin', RL, 'fr', 'Room 4B', null),
  row('vérifie la salle 6F stp', RL, 'fr', 'Room 6F', null),
  row('diagnostique 7G', RL, 'fr', 'Room 7G', null),
  row('en cas de souci avec la salle 2C', RL, 'fr', 'Room 2C', null),
  row('un petit problème avec la salle 4B', RL, 'fr', 'Room 4B', null),
  row('salle du 4e étage bloquée', RL, 'fr', null, null),
  row('la salle 4B affiche une erreur de licence', RL, 'fr', 'Room 4B', null),
  row(
    "salle 4B : « The account used to sign in doesn't have the correct license to use this device »",
    RL,
    'fr',
    'Room 4B',
    null,
  ),
  row('la MTR de la salle 5E ne lance plus la réunion', RL, 'fr', 'Room 5E', null),
  row('problème de licence sur la 6F', RL, 'fr', 'Room 6F', null),
  row("la salle 1A n'arrive plus à se connecter", RL, 'fr', 'Room 1A', null),
  row("la salle 7G est bloquée sur l'écran de connexion", RL, 'fr', 'Room 7G', null),
  row('salle 2C licence ?', RL, 'fr', 'Room 2C', null),
  row('SALLE 3D BLOQUÉE', RL, 'fr', 'Room 3D', null),
  row('salle 3 D bloquée', RL, 'fr', 'Room 3D', null),
  row('lisence salle 4A', RL, 'fr', 'Room 4A', null),
  row('la salle 4 b ne démarre pas', RL, 'fr', 'Room 4B', null),
  row('la salle 4-B est bloquée', RL, 'fr', 'Room 4B', null),
  row('SALLE4B licence', RL, 'fr', 'Room 4B', null),
  row('la salle de réunion 4B est bloquée', RL, 'fr', 'Room 4B', null),
  row('il y a un souci de licence', RL, 'fr', null, null),
  row('écran bloqué sur licence salle 5E', RL, 'fr', 'Room 5E', null),
  row("le compte n'a pas la bonne licence", RL, 'fr', null, null),
  row('urgence : la salle 2C est plantée', RL, 'fr', 'Room 2C', null),
  row('bonjour, la salle 4B est bloquée', RL, 'fr', 'Room 4B', null),
  row("l'écran de la salle 4B affiche une erreur de licence", RL, 'fr', 'Room 4B', null),
  row('la salle 4B est coincée sur la licence', RL, 'fr', 'Room 4B', null),
  row('peux-tu regarder la salle 1A stp', RL, 'fr', 'Room 1A', null),
  row('salle 5E licencié mais bloquée', RL, 'fr', 'Room 5E', null),
  row('la salle 6F est bloquée, merci 🙏', RL, 'fr', 'Room 6F', null),
  row('la salle 3D ne lance pas la réunion', RL, 'fr', 'Room 3D', null),
  row("Bonjour, l'écran de la salle 4B indique une erreur de licence, merci", RL, 'fr', 'Room 4B', null),
  row('le MTR de la 7G ne se connecte plus', RL, 'fr', 'Room 7G', null),
  row('diagnostiquer boardroom sud', RL, 'fr', 'Boardroom South', null),
  row('salle 12', RL, 'fr', nf('12'), null),
  // Typos.
  row('la salle 2C est bloqée', RL, 'fr', 'Room 2C', null),
  row('problème de licnce salle 7G', RL, 'fr', 'Room 7G', null),
  row("le téléphone d'Alcie ne passe plus d'appels", PH, 'fr', null, 'Alice Martin'),
  row('statu de la salle 4B', CS, 'fr', 'Room 4B', null),
  // Ambiguous and unknown rooms.
  row('la salle boardroom est bloquée', RL, 'fr', amb('Boardroom North', 'Boardroom South'), null),
  row('salle du conseil', RL, 'fr', amb('Boardroom North', 'Boardroom South'), null),
  row('la salle 9Z est bloquée', RL, 'fr', nf('9Z'), null),
  row('la salle Atlantis ne démarre pas', RL, 'fr', nf('Atlantis'), null),
  row('la salle 44B est bloquée', RL, 'fr', nf('44B', 'Room 4B', 'Room 4A'), null),
  // Phones.
  row("le téléphone de Bob ne passe plus d'appels", PH, 'fr', null, 'Bob Durand'),
  row("le téléphone de Zoé affiche pas d'internet", PH, 'fr', null, nf('Zoé')),
  row("le poste de Bob affiche pas d'internet", PH, 'fr', null, 'Bob Durand'),
  row("le téléphone de David Leroy ne passe plus d'appels", PH, 'fr', null, 'David Leroy'),
  row('le téléphone de Chloe ne marche plus', PH, 'fr', null, 'Chloé Petit'),
  row("appels d'urgence non supportés sur le CCX de Léo", PH, 'fr', null, 'Léo Dupont'),
  row('le CCX-500 de Bob est hors ligne', PH, 'fr', null, 'Bob Durand', { model: 'CCX 500' }),
  row(
    "le téléphone d'Alice affiche « Pas d'internet. Les appels d'urgence ne sont pas pris en charge »",
    PH,
    'fr',
    null,
    'Alice Martin',
  ),
  row("pas d'internet sur le poste de Chloé Petit", PH, 'fr', null, 'Chloé Petit'),
  row("le CCX de l'accueil n'a plus internet", PH, 'fr', null, null),
  row("le téléphone de Reception ne passe plus d'appels", PH, 'fr', null, 'Reception'),
  row('téléphone de leo dupont hors ligne', PH, 'fr', null, 'Léo Dupont'),
  row('le poly ccx400 de david affiche no internet', PH, 'fr', null, 'David Leroy', { model: 'CCX 400' }),
  row("Alice n'a plus de tonalité", PH, 'fr', null, 'Alice Martin'),
  row('le tél de Bob ne marche plus', PH, 'fr', null, 'Bob Durand'),
  row('vérifier le poste de Marc Helpdesk', PH, 'fr', null, 'Marc Helpdesk'),
  row("le téléphone d'Anna", PH, 'fr', null, 'Anna Helpdesk'),
  row("téléphone d'alice.martin@contoso.com", PH, 'fr', null, 'Alice Martin'),
  row("le téléphone de Bobby ne passe plus d'appels", PH, 'fr', null, nf('Bobby', 'Bob Durand')),
  row("Chloé Petit n'a plus internet sur son CCX 500", PH, 'fr', null, 'Chloé Petit', { model: 'CCX 500' }),
  row("le CCX 400 de la réception affiche pas d'internet", PH, 'fr', null, 'Reception', { model: 'CCX 400' }),
  row("plus d'appels d'urgence sur le téléphone de David", PH, 'fr', null, 'David Leroy'),
  row('le poste de Léo est hors ligne', PH, 'fr', null, 'Léo Dupont'),
  row("mon téléphone affiche pas d'internet", PH, 'fr', null, null, SELF),
  row(`Mon CCX affiche "No internet. Emergency calls aren't supported"`, PH, 'fr', null, null, SELF),
  row('salut le bot, tu peux regarder le téléphone de Léo ?', PH, 'fr', null, 'Léo Dupont'),
  row("bonjour, mon poste ne passe plus d'appels", PH, 'fr', null, null, SELF),
  // Case status.
  row('dossier 12', CS, 'fr', null, null, { caseRef: '12' }),
  row('dossiers en cours', CS, 'fr', null, null),
  row('des nouvelles de la salle 1A ?', CS, 'fr', 'Room 1A', null),
  row('statut du dossier 12', CS, 'fr', null, null, { caseRef: '12' }),
  row('état de la salle 3D', CS, 'fr', 'Room 3D', null),
  row('mes dossiers', CS, 'fr', null, null),
  row('où en est le dossier 3 ?', CS, 'fr', null, null, { caseRef: '3' }),
  row('quel est le statut de la 4B', CS, 'fr', 'Room 4B', null),
  row('liste des dossiers', CS, 'fr', null, null),
  row('cas en cours', CS, 'fr', null, null),
  row('dossier n° 12', CS, 'fr', null, null, { caseRef: '12' }),
  row('ça en est où pour la salle 2C ?', CS, 'fr', 'Room 2C', null),
  row('statut 4B', CS, 'fr', 'Room 4B', null),
  row('dossiers', CS, 'fr', null, null),
  row('où en sont les dossiers ?', CS, 'fr', null, null),
  row('où en est mon dossier', CS, 'fr', null, null),
  row('statut salle 5E', CS, 'fr', 'Room 5E', null),
  row('le dossier de la salle 4B avance ?', CS, 'fr', 'Room 4B', null),
  row('ça avance ?', CS, 'fr', null, null),
  // Help.
  row('bonjour', HELP, 'fr', null, null),
  row('que sais-tu faire', HELP, 'fr', null, null),
  row('aide-moi', HELP, 'fr', null, null),
  row('que peux-tu faire ?', HELP, 'fr', null, null),
  row('salut', HELP, 'fr', null, null),
  row('tu fais quoi ?', HELP, 'fr', null, null),
  row('aide svp', HELP, 'fr', null, null),
  // Unknown chatter and substring traps.
  row('il passe à 14h', UNK, 'fr', null, null),
  row('je voudrais un café', UNK, 'fr', null, null),
  row('on mange où ce midi ?', UNK, 'fr', null, null),
  row('merci', UNK, 'fr', null, null),
  row("c'est le bazar", UNK, 'fr', null, null),
  row('je passe plus tard', UNK, 'fr', null, null),
  row('pas de souci, merci', UNK, 'fr', null, null),
  row('il faut passer voir Marc', UNK, 'fr', null, 'Marc Helpdesk'),
  row('le petit déjeuner est servi', UNK, 'fr', null, null),
  // End users in a 1:1 chat, about a room or their own phone.
  row('la salle 4B ne démarre pas la réunion', RL, 'fr', 'Room 4B', null),
  row("bonjour, l'écran de la salle 4B affiche une erreur de licence", RL, 'fr', 'Room 4B', null),
  row('mon téléphone affiche No internet', PH, 'fr', null, null, SELF),
  row("mon téléphone ne passe plus d'appels", PH, 'fr', null, null, SELF),
  row("mon telephone ne passe plus d'appels", PH, 'fr', null, null, SELF),
  row("appels d'urgence non pris en charge", PH, 'fr', null, null),
  row("je n'ai plus internet sur mon poste", PH, 'fr', null, null, SELF),
  row("ma ligne ne passe plus d'appels", PH, 'fr', null, null, SELF),
  row('mon tel affiche no internet', PH, 'fr', null, null, SELF),
  row('mon téléphone affiche No internet, merci', PH, 'fr', null, null, SELF),
  row("mon poste affiche « Pas d'internet »", PH, 'fr', null, null, SELF),
  row('pourquoi mon téléphone affiche No internet ?', PH, 'fr', null, null, SELF),
  row("le téléphone de mon collègue n'a plus internet", PH, 'fr', null, null),
  row("le poste de l'accueil affiche No internet", PH, 'fr', null, null),
  // Setting the helpdesk channel.
  row('définir le canal du support', CHANNEL, 'fr', null, null),
  row('definir le canal du support', CHANNEL, 'fr', null, null),
  row('Définir le canal du support svp', CHANNEL, 'fr', null, null),
  row('utilise ce canal pour les signalements', CHANNEL, 'fr', null, null),
  row('utilise ce canal pour les signalements stp', CHANNEL, 'fr', null, null),
  row('utilisez ce canal', CHANNEL, 'fr', null, null),
  row('définis ce canal comme canal du support', CHANNEL, 'fr', null, null),
  row('choisir ce canal pour le support', CHANNEL, 'fr', null, null),
  row('envoie les signalements ici', CHANNEL, 'fr', null, null),
  row('utilise ce cannal pour les signalements', CHANNEL, 'fr', null, null),
  row('DÉFINIR LE CANAL', CHANNEL, 'fr', null, null),
  row('canal helpdesk', CHANNEL, 'fr', null, null),
  // The fleet scan.
  row('état du parc', FLEET, 'fr', null, null),
  row('etat du parc', FLEET, 'fr', null, null),
  row('analyse du parc svp', FLEET, 'fr', null, null),
  row('quelles salles sont en panne ?', FLEET, 'fr', null, null),
  row('quelles salles sont en panne', FLEET, 'fr', null, null),
  row('quelles salles sont bloquées', FLEET, 'fr', null, null),
  row('vérifie toutes les salles', FLEET, 'fr', null, null),
  row('scanner le parc', FLEET, 'fr', null, null),
  row('état des salles', FLEET, 'fr', null, null),
  row('quelles sales sont en panne', FLEET, 'fr', null, null),
  row('ANALYSE DU PARC', FLEET, 'fr', null, null),
  row('bonjour, état du parc stp', FLEET, 'fr', null, null),
  // The playbooks' FAQ.
  row('pourquoi seulement certaines salles ?', FAQ, 'fr', null, null, faq('why-only-some-rooms')),
  row('Pourquoi seules quelques salles sont bloquées ?', FAQ, 'fr', null, null, faq('why-only-some-rooms')),
  row('pourquoi pas toutes les salles ?', FAQ, 'fr', null, null, faq('why-only-some-rooms')),
  row(
    'bonjour, pourquoi seulement certaines salles ? merci',
    FAQ,
    'fr',
    null,
    null,
    faq('why-only-some-rooms'),
  ),
  row('est-ce que Pro règle toujours le problème ?', FAQ, 'fr', null, null, faq('will-pro-always-fix-it')),
  row('passer en pro corrige toujours ?', FAQ, 'fr', null, null, faq('will-pro-always-fix-it')),
  row('puis-je revenir à la 5.1.111.0 ?', FAQ, 'fr', null, null, faq('can-i-downgrade')),
  row('puis je retrograder la console', FAQ, 'fr', null, null, faq('can-i-downgrade')),
  row("peut-on revenir à l'ancienne version ?", FAQ, 'fr', null, null, faq('can-i-downgrade')),
  row('faut-il toujours réinitialiser ?', FAQ, 'fr', null, null, faq('must-i-always-reset')),
  row('faut il toujours reinitialiser', FAQ, 'fr', null, null, faq('must-i-always-reset')),
  row('dois-je vider le cache ?', FAQ, 'fr', null, null, faq('must-i-always-reset')),
  row('pourquoi attendre 8 à 24 heures ?', FAQ, 'fr', null, null, faq('why-wait-8-to-24-hours')),
  row('combien de temps faut-il attendre ?', FAQ, 'fr', null, null, faq('why-wait-8-to-24-hours')),
  row(
    'puis-je utiliser une licence E3 sur un compte de salle ?',
    FAQ,
    'fr',
    null,
    null,
    faq('e3-on-room-account'),
  ),
  row(
    "une licence utilisateur sur une salle, c'est possible ?",
    FAQ,
    'fr',
    null,
    null,
    faq('e3-on-room-account'),
  ),
  row('Teams Rooms Standard est-elle encore prise en charge', FAQ, 'fr', null, null, {
    ...faq('is-standard-still-supported'),
  }),
  row('la licence Standard est-elle obsolète ?', FAQ, 'fr', null, null, faq('is-standard-still-supported')),
  row('pourquoi le CCX 500 affiche No internet ?', FAQ, 'fr', null, null, {
    ...faq('why-ccx-no-internet'),
    model: 'CCX 500',
  }),
  row("pourquoi le téléphone affiche pas d'internet ?", FAQ, 'fr', null, null, faq('why-ccx-no-internet')),
  row('quels ports faut-il ouvrir pour les téléphones Teams ?', FAQ, 'fr', null, null, {
    ...faq('which-ports-for-phones'),
  }),
  row('quels ports faut-il ouvrir sur le pare-feu ?', FAQ, 'fr', null, null, faq('which-ports-for-phones')),
  row('pourquoi passer au firmware 8.x ?', FAQ, 'fr', null, null, faq('why-firmware-8')),
  row('pourquoi mettre à jour le micrologiciel ?', FAQ, 'fr', null, null, faq('why-firmware-8')),
  row(
    'quelle licence faut-il pour un téléphone Teams ?',
    FAQ,
    'fr',
    null,
    null,
    faq('which-licence-for-phones'),
  ),
  row('foire aux questions', FAQ, 'fr', null, null),
  row('questions fréquentes', FAQ, 'fr', null, null),
  row('FAQ svp', FAQ, 'fr', null, null),
  // A question about a named room or one's own device is a request to look at it.
  row('pourquoi la salle 4B est bloquée ?', RL, 'fr', 'Room 4B', null),
  row('puis-je revenir en 5.1.111.0 sur la salle 4B ?', RL, 'fr', 'Room 4B', null),
  // Chatter near the new intents.
  row('on va au parc ce midi', UNK, 'fr', null, null),
  row('la flotte de voitures', UNK, 'fr', null, null),
  row('le canal de Suez', UNK, 'fr', null, null),
  row("j'ai changé de chaîne", UNK, 'fr', null, null),
  row('pourquoi pas ?', UNK, 'fr', null, null),
  row('est-ce que tu viens ce midi ?', UNK, 'fr', null, null),
  row('salle bloquée', RL, 'fr', null, null),
];

/** The writer's words decide; the Teams locale only breaks ties. */
const LOCALE_TIES: Row[] = [
  row('Room 4B', RL, 'fr', 'Room 4B', null, { userLocale: 'fr' }),
  row('4B', RL, 'fr', 'Room 4B', null, { userLocale: 'fr' }),
  row('?', HELP, 'fr', null, null, { userLocale: 'fr' }),
  row('No internet', PH, 'fr', null, null, { userLocale: 'fr' }),
  row(
    "The account used to sign in doesn't have the correct license to use this device",
    RL,
    'fr',
    null,
    null,
    {
      userLocale: 'fr',
    },
  ),
  row('room 4B stuck', RL, 'en', 'Room 4B', null, { userLocale: 'fr' }),
  row('la salle 4B est bloquée', RL, 'fr', 'Room 4B', null, { userLocale: 'en' }),
];

function describeResolution(resolution: Resolution<{ displayName: string }> | undefined): Expected {
  if (!resolution) return null;
  switch (resolution.kind) {
    case 'resolved':
      return resolution.value.displayName;
    case 'ambiguous':
      return { ambiguous: resolution.candidates.map((c) => c.displayName) };
    case 'not-found':
      return { notFound: resolution.query, suggestions: resolution.suggestions.map((s) => s.displayName) };
  }
}

function assertEntity(
  actual: Resolution<{ displayName: string }> | undefined,
  expected: Expected,
  what: string,
) {
  const described = describeResolution(actual);
  if (expected !== null && typeof expected === 'object' && 'notFound' in expected && !expected.suggestions) {
    assert.ok(described !== null && typeof described === 'object' && 'notFound' in described, what);
    assert.equal(described.notFound, expected.notFound, what);
    return;
  }
  assert.deepEqual(described, expected, what);
}

describe('recognition: phrasings table', () => {
  const recogniser = buildRecogniser(DEMO_DIRECTORY);

  it('covers at least 150 phrasings, roughly half of them French', () => {
    const all = [...ENGLISH, ...FRENCH, ...LOCALE_TIES];
    assert.ok(all.length >= 150, `${all.length} rows`);
    const french = all.filter((r) => r.locale === 'fr').length;
    assert.ok(
      french >= all.length * 0.4 && french <= all.length * 0.6,
      `${french} French rows of ${all.length}`,
    );
  });

  for (const [name, rows] of [
    ['English', ENGLISH],
    ['French', FRENCH],
    ['locale ties', LOCALE_TIES],
  ] as const) {
    describe(name, () => {
      for (const r of rows) {
        it(`${JSON.stringify(r.text)}${r.userLocale ? ` (Teams locale ${r.userLocale})` : ''}`, () => {
          const result = recogniser.recognise(r.text, r.userLocale ? { locale: r.userLocale } : undefined);
          assert.equal(result.intent, r.intent, 'intent');
          assert.equal(result.locale, r.locale, 'locale');
          assertEntity(result.room, r.room, 'room');
          assertEntity(result.person, r.person, 'person');
          assert.equal(result.deviceModel, r.model, 'device model');
          assert.equal(result.caseRef, r.caseRef, 'case ref');
          assert.equal(result.faqId, r.faqId, 'FAQ entry');
          assert.equal(result.self, r.self, 'own phone');
        });
      }
    });
  }
});
