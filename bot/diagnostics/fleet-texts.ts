import { defineTexts } from '../i18n';

// French typography wants a no-break space before ":", ";", "?", "!" and inside « ».
const NBSP = '\u00a0';

/** Every sentence of the fleet digest, in English and French. Exported so tests can compare the two sets. */
export const fleetTextCatalog = {
  en: {
    title: 'Fleet scan',
    subtitle: 'Scanned {time} · {rooms} · {devices}',
    subtitleNoDevices: 'Scanned {time} · {rooms}',
    summary: 'Needs attention: {subjects}.',
    summaryNone: 'Nothing to report: every room and phone the scan could read looks fine.',
    more: '…and {count} more',
    alreadyInCase: 'Already in a case, left out of the lists: {count}',
    versionsAll: 'Versions read for every device ({total}).',
    versionsSome:
      'Versions read for {read} of {total} devices. The others reported healthy and were not read, to keep the scan within its Graph request budget.',
    versionsNone: 'No device version could be read.',

    'unit.room.one': '{count} room',
    'unit.room.other': '{count} rooms',
    'unit.phone.one': '{count} phone',
    'unit.phone.other': '{count} phones',
    'unit.licence.one': '{count} licence',
    'unit.licence.other': '{count} licences',
    'unit.device.one': '{count} other device',
    'unit.device.other': '{count} other devices',
    'unit.teamsDevice.one': '{count} Teams device',
    'unit.teamsDevice.other': '{count} Teams devices',
    listSeparator: ', ',

    'kind.bad-build': 'Known-bad Teams Rooms build',
    'kind.sign-in-failing': 'Sign-in failing',
    'kind.phone-offline': 'Phones offline',
    'kind.phone-old-firmware': 'Phones on outdated firmware',
    'kind.user-licence-on-room': 'User licence on a room account',
    'kind.group-licence-on-room': 'Room licence assigned by a group',
    'kind.no-free-seat': 'Room licences without a free seat',
    'kind.deprecated-sku': 'Retired Teams Rooms licence',
    'kind.naming': 'Room account outside the naming convention',
    sectionTitle: '{kind} ({count})',

    'detail.bad-build.failing': 'Teams Rooms {version}, a known-bad build; sign-in failing{since}.',
    'detail.bad-build.ok': 'Teams Rooms {version}, a known-bad build; still signed in for now.',
    'detail.bad-build.unknown': 'Teams Rooms {version}, a known-bad build.',
    'detail.sign-in.account-disabled': 'Sign-in failing{since}: the account {account} is disabled.',
    'detail.sign-in.account-missing': 'Sign-in failing{since}: no account {account} in the directory.',
    'detail.sign-in.device-offline': '{model} offline{since}.',
    'detail.sign-in.user-licence': 'Sign-in failing{since}: a user licence is on the room account.',
    'detail.sign-in.no-room-licence': 'Sign-in failing{since}: the room account has no Teams Rooms licence.',
    'detail.sign-in.unknown': 'Sign-in failing{since}; the scan cannot tell why: open the diagnosis.',
    'detail.sign-in.phone': 'Signed out while online{since}: check the account and its Teams Phone licence.',
    'detail.phone-offline': 'Offline{since}.',
    'detail.phone-old-firmware.minimum': 'Firmware {version}, below {minimum}: update to {recommended}.',
    'detail.phone-old-firmware.issue': 'Firmware {version} has a known issue: update to {recommended}.',
    'detail.user-licence-on-room': '{licences} on the room account: Teams Rooms refuses user licences.',
    'detail.group-licence-on-room':
      '{licence} comes from group {groups}: it cannot be removed from the room account directly.',
    'detail.no-free-seat': '{consumed} of {enabled} seats used. Held by {rooms}.',
    'detail.no-free-seat.more': '{names} and {count} more',
    'detail.deprecated-sku': '{licence} is retired: plan the move to Teams Rooms Pro or Basic.',
    'detail.naming': '{upn} does not match {pattern}.',
    since: ' since {time}',

    'gap.teams-devices':
      'The Teams devices could not be read ({reason}): builds, sign-in and phones were not checked. The licence checks are complete.',
    'gap.device-health':
      'The health of {count} devices could not be read; they may be missing from the lists.',
    'gap.room-accounts':
      'The room accounts could not be read ({reason}): licences and names were not checked.',
    'gap.subscribed-skus':
      'The subscribed licences could not be read ({reason}): free seats were not checked.',
    'reason.unavailable': 'Microsoft Graph did not answer',
    'reason.forbidden': 'access refused',
    'reason.throttled': 'Microsoft Graph is throttling the bot',
    'reason.not-found': 'not found',
    'reason.not-registered': 'not registered',
  },
  fr: {
    title: `Analyse du parc`,
    subtitle: `Analyse du {time} · {rooms} · {devices}`,
    subtitleNoDevices: `Analyse du {time} · {rooms}`,
    summary: `À traiter${NBSP}: {subjects}.`,
    summaryNone: `Rien à signaler${NBSP}: toutes les salles et tous les téléphones que l'analyse a pu lire semblent en ordre.`,
    more: `…et {count} de plus`,
    alreadyInCase: `Déjà dans un dossier, absents des listes${NBSP}: {count}`,
    versionsAll: `Versions lues pour tous les appareils ({total}).`,
    versionsSome: `Versions lues pour {read} appareils sur {total}. Les autres se déclaraient en bonne santé et n'ont pas été lus, pour rester dans le budget de requêtes Graph de l'analyse.`,
    versionsNone: `Aucune version d'appareil n'a pu être lue.`,

    'unit.room.one': `{count}${NBSP}salle`,
    'unit.room.other': `{count}${NBSP}salles`,
    'unit.phone.one': `{count}${NBSP}téléphone`,
    'unit.phone.other': `{count}${NBSP}téléphones`,
    'unit.licence.one': `{count}${NBSP}licence`,
    'unit.licence.other': `{count}${NBSP}licences`,
    'unit.device.one': `{count}${NBSP}autre appareil`,
    'unit.device.other': `{count}${NBSP}autres appareils`,
    'unit.teamsDevice.one': `{count}${NBSP}appareil Teams`,
    'unit.teamsDevice.other': `{count}${NBSP}appareils Teams`,
    listSeparator: ', ',

    'kind.bad-build': `Version Teams Rooms défectueuse connue`,
    'kind.sign-in-failing': `Connexion en échec`,
    'kind.phone-offline': `Téléphones hors ligne`,
    'kind.phone-old-firmware': `Téléphones au micrologiciel obsolète`,
    'kind.user-licence-on-room': `Licence utilisateur sur un compte de salle`,
    'kind.group-licence-on-room': `Licence de salle attribuée par un groupe`,
    'kind.no-free-seat': `Licences de salle sans siège libre`,
    'kind.deprecated-sku': `Licence Teams Rooms retirée`,
    'kind.naming': `Compte de salle hors convention de nommage`,
    sectionTitle: `{kind} ({count})`,

    'detail.bad-build.failing': `Teams Rooms {version}, version défectueuse connue${NBSP}; connexion en échec{since}.`,
    'detail.bad-build.ok': `Teams Rooms {version}, version défectueuse connue${NBSP}; encore connectée pour l'instant.`,
    'detail.bad-build.unknown': `Teams Rooms {version}, version défectueuse connue.`,
    'detail.sign-in.account-disabled': `Connexion en échec{since}${NBSP}: le compte {account} est désactivé.`,
    'detail.sign-in.account-missing': `Connexion en échec{since}${NBSP}: aucun compte {account} dans l'annuaire.`,
    'detail.sign-in.device-offline': `{model} hors ligne{since}.`,
    'detail.sign-in.user-licence': `Connexion en échec{since}${NBSP}: une licence utilisateur est sur le compte de salle.`,
    'detail.sign-in.no-room-licence': `Connexion en échec{since}${NBSP}: le compte de salle n'a pas de licence Teams Rooms.`,
    'detail.sign-in.unknown': `Connexion en échec{since}${NBSP}; l'analyse ne peut pas dire pourquoi${NBSP}: ouvrez le diagnostic.`,
    'detail.sign-in.phone': `Déconnecté alors qu'il est en ligne{since}${NBSP}: vérifiez le compte et sa licence Teams Phone.`,
    'detail.phone-offline': `Hors ligne{since}.`,
    'detail.phone-old-firmware.minimum': `Micrologiciel {version}, antérieur à {minimum}${NBSP}: mettez à jour en {recommended}.`,
    'detail.phone-old-firmware.issue': `Le micrologiciel {version} a un problème connu${NBSP}: mettez à jour en {recommended}.`,
    'detail.user-licence-on-room': `{licences} sur le compte de salle${NBSP}: Teams Rooms refuse les licences utilisateur.`,
    'detail.group-licence-on-room': `{licence} vient du groupe {groups}${NBSP}: elle ne peut pas être retirée directement du compte de salle.`,
    'detail.no-free-seat': `{consumed} sièges utilisés sur {enabled}. Attribuée à${NBSP}: {rooms}.`,
    'detail.no-free-seat.more': `{names} et {count} de plus`,
    'detail.deprecated-sku': `{licence} est retirée du catalogue${NBSP}: prévoyez le passage à Teams Rooms Pro ou Basic.`,
    'detail.naming': `{upn} ne correspond pas à {pattern}.`,
    since: ` depuis le {time}`,

    'gap.teams-devices': `Les appareils Teams n'ont pas pu être lus ({reason})${NBSP}: versions, connexions et téléphones n'ont pas été vérifiés. Les vérifications de licences sont complètes.`,
    'gap.device-health': `L'état de {count} appareils n'a pas pu être lu${NBSP}; ils peuvent manquer dans les listes.`,
    'gap.room-accounts': `Les comptes de salle n'ont pas pu être lus ({reason})${NBSP}: licences et noms n'ont pas été vérifiés.`,
    'gap.subscribed-skus': `Les abonnements de licences n'ont pas pu être lus ({reason})${NBSP}: les sièges libres n'ont pas été vérifiés.`,
    'reason.unavailable': `Microsoft Graph n'a pas répondu`,
    'reason.forbidden': `accès refusé`,
    'reason.throttled': `Microsoft Graph limite les requêtes du bot`,
    'reason.not-found': `introuvable`,
    'reason.not-registered': `non inscrit`,
  },
};

/** Looks up a fleet digest text: `fleetText(locale, key, params?)`. */
export const fleetText = defineTexts(fleetTextCatalog);

/** The keys of {@link fleetTextCatalog}. */
export type FleetTextKey = keyof typeof fleetTextCatalog.en;
