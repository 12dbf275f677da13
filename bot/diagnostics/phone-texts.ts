import { defineTexts } from '../i18n';

/** Every sentence of the phone diagnosis and of the network hand-off, in English and French. */
export const phoneTextCatalog = {
  en: {
    // Verdicts
    'verdict.user-not-found.headline': 'No account found for this person',
    'verdict.user-not-found.summary':
      "The person's account could not be found in the directory, so the phone has no account to sign in with. Check that the account exists and was not deleted or renamed before looking at the phone.",
    'verdict.account-disabled.headline': 'The account is disabled',
    'verdict.account-disabled.summary':
      '{upn} is disabled in Entra ID, so the phone cannot sign in, whatever the network does. Find out why the account was disabled first; the site checks can wait.',
    'verdict.no-phone-licence.headline': 'No Teams Phone licence',
    'verdict.no-phone-licence.summary':
      '{upn} holds {licences}, but none of them includes Teams Phone, which a Teams desk phone needs. Assign Teams Phone Standard, or Teams Shared Devices for a common-area phone, then sign in again.',
    'verdict.no-phone-licence.summaryNone':
      '{upn} holds no licence at all. Assign Teams Phone Standard with the usual user licence, or Teams Shared Devices for a common-area phone, then sign in again.',
    'verdict.no-phone-licence.summaryDisabled':
      '{upn} holds {licence}, but its Teams Phone plan is turned off. Turn the plan on again, then sign in again on the phone.',
    'verdict.licence-not-provisioned.headline': 'The Teams Phone licence is not ready',
    'verdict.licence-not-provisioned.summary':
      '{upn} holds {licence}, but its Teams Phone plan is {status}, not active yet. The phone cannot sign in until provisioning ends.',
    'verdict.no-phone.headline': 'No phone registered for this person',
    'verdict.no-phone.summary':
      'No Teams phone is registered with {upn}, so Microsoft Graph says nothing about its network, firmware or sign-in. The site checks still apply: walk them with someone at the phone.',
    'verdict.no-phone.headlineUnreadable': 'The phone could not be read',
    'verdict.no-phone.summaryUnreadable':
      "The Teams devices could not be read ({reason}), so nothing is known about the phone's network, firmware or sign-in. The site checks still apply: walk them with someone at the phone.",
    'verdict.fleet-wide.headline': 'Many phones are offline: network or service',
    'verdict.fleet-wide.summary':
      '{count} phones out of {total} are offline, this one included. A cause this wide is on the network or the service, not on this phone: check the site network and the Microsoft 365 service health before working on single phones.',
    'verdict.offline-old-firmware.headline': 'Offline, with firmware {version} below the {line} line',
    'verdict.offline-old-firmware.headlineIssue': 'Offline, with firmware {version} and its known issue',
    'verdict.offline-old-firmware.summary':
      '{Phone} has been offline{since} and runs firmware {version}, below the {line} line ({recommended} recommended).',
    'verdict.offline-old-firmware.summaryIssue':
      '{Phone} has been offline{since} and runs firmware {version}, which has a known issue: {note}',
    'verdict.offline-old-firmware.next':
      'First walk the network path from the phone to the internet, then update the firmware to {recommended} once the phone is back online.',
    'verdict.offline.headline': 'The phone is offline',
    'verdict.offline.summary': '{Phone} has been offline{since}.',
    'verdict.offline.next':
      'The cause is most likely on the path from the phone to the internet: walk the site checks with someone at the phone.',
    'verdict.signed-out.headline': 'Online, but signed out of Teams',
    'verdict.signed-out.summary':
      "{Phone} is on the network, but Teams reports it signed out{since}. The network is not the cause: check {upn}'s account, licence and policies, then sign in again.",
    'verdict.state-unknown.headline': "The phone's state is not reported",
    'verdict.state-unknown.summary':
      '{Phone} is registered, but Microsoft Graph does not say whether it is online. Walk the site checks with someone at the phone.',
    'verdict.old-firmware.headline': 'Firmware {version} is below the {line} line',
    'verdict.old-firmware.headlineIssue': 'Firmware {version} has a known issue',
    'verdict.old-firmware.summary':
      '{Phone} is online, but runs firmware {version}, below the {line} line. Schedule its update to {recommended}; if the screen still shows “No internet” afterwards, walk the site checks.',
    'verdict.old-firmware.summaryIssue':
      '{Phone} is online, but runs firmware {version}, which has a known issue: {note} Schedule its update to {recommended}; if the screen still shows “No internet” afterwards, walk the site checks.',
    'verdict.healthy.headline': 'The phone looks fine from Microsoft 365',
    'verdict.healthy.summary':
      '{Phone} is online and nothing wrong shows in Microsoft 365: see the evidence below. If the screen still shows “No internet”, the problem may come and go: walk the site checks with someone at the phone.',

    // How the rest of the fleet looks, as a sentence of the offline verdicts
    'fleet.alone':
      'It is the only phone offline, so the cause is probably local: the desk, the cable, the switch port or the phone itself.',
    'fleet.someOne': '1 other phone is offline too, not enough to suspect the whole network.',
    'fleet.some': '{offline} other phones are offline too, not enough to suspect the whole network.',

    // Evidence labels
    'label.account': 'Account',
    'label.licence': 'Teams Phone licence',
    'label.phone': 'Phone',
    'label.connection': 'Network connection',
    'label.signIn': 'Sign-in to Teams',
    'label.firmware': 'Firmware',
    'label.fleet': 'Other phones',
    'label.sameFirmware': 'Same firmware',

    // Evidence values
    'value.userNotFound': 'No account found',
    'value.accountEnabled': '{upn}, enabled',
    'value.accountDisabled': '{upn}, disabled: it cannot sign in',
    'value.accountUnknown': '{upn}, enabled state not reported',
    'value.licencePlan': '{licence}, Teams Phone plan active',
    'value.licenceShared': '{licence}, which includes Teams Phone for common-area phones',
    'value.noLicence': 'No Teams Phone plan in {licences}',
    'value.noLicenceAtAll': 'No licence at all',
    'value.planDisabled': 'Teams Phone plan turned off in {licence}',
    'value.notProvisioned': 'Teams Phone plan of {licence}: {status}, not active yet',
    'value.licencesUnknown': 'Could not be checked',
    'value.noPhone': 'None registered with this account',
    'value.phoneUnreadable': 'Could not be read ({reason})',
    'value.online': 'Online',
    'value.offline': 'Offline since {date}',
    'value.offlineNoDate': 'Offline',
    'value.connectionUnknown': 'Not reported',
    'value.signedIn': 'Signed in',
    'value.signedOut': 'Signed out since {date}',
    'value.signedOutNoDate': 'Signed out',
    'value.signedOutOffline': 'Not signed in while the phone is offline',
    'value.signInUnknown': 'Not reported',
    'value.firmwareBelow': '{version}: below the {line} line; update to {recommended}',
    'value.firmwareIssue': '{version}: known issue; update to {recommended}. {note}',
    'value.firmwareBehind': '{version}: supported; {recommended} is recommended',
    'value.firmwareCurrent': '{version}: up to date',
    'value.firmwareUnknownModel': '{version}: no baseline known for {model}',
    'value.firmwareMissing': 'Version not reported',
    'value.fleetOk': 'None offline ({total} phones in all)',
    'value.fleetSomeOne': '1 other offline out of {total}',
    'value.fleetSome': '{offline} others offline out of {total}',
    'value.fleetWideOne': '1 other offline out of {total} ({share}%): check the network and the service',
    'value.fleetWide':
      '{offline} others offline out of {total} ({share}%): check the network and the service',
    'value.fleetUnknown': 'Could not be listed',
    'value.sameFirmwareOne': '1 other phone runs {version} too',
    'value.sameFirmware': '{count} other phones run {version} too',

    // Plan
    'plan.check-account.title': "Look for the person's account",
    'plan.check-account.detail':
      'Search the directory for {who}: the account may have been deleted or renamed. A deleted account can be restored for 30 days.',
    'plan.find-why-disabled.title': 'Find out why the account was disabled',
    'plan.find-why-disabled.detail':
      'Check the Entra audit log for who disabled {upn} and when: a departure or a security response may be the reason.',
    'plan.enable-account.title': 'Enable the account again',
    'plan.enable-account.detail':
      'Once you know it is safe, enable {upn}; the phone signs in again by itself or after a restart.',
    'plan.assign-phone-licence.title': 'Assign a Teams Phone licence',
    'plan.assign-phone-licence.detail':
      'Assign Teams Phone Standard to {upn}, or Teams Shared Devices if this is a common-area phone, and allow a few minutes for it to provision.',
    'plan.enable-phone-plan.title': 'Turn the Teams Phone plan on',
    'plan.enable-phone-plan.detail':
      "The Teams Phone plan (MCOEV) is turned off in {licence} for {upn}: turn it on in the licence's service plans.",
    'plan.wait-for-provisioning.title': 'Let provisioning finish',
    'plan.wait-for-provisioning.detail':
      'The Teams Phone plan of {licence} is {status}. It normally ends by itself: check again in a few hours; after 24 hours, remove and reassign the licence or contact Microsoft Support.',
    'plan.sign-in-again.title': 'Sign in again on the phone',
    'plan.sign-in-again.detail':
      'Once the account and licence are in order, sign {upn} out of the phone and in again.',
    'plan.find-phone.title': 'Find the phone in the Teams admin center',
    'plan.find-phone.not-registered':
      'No Teams phone is registered with {upn}: check whether the phone is signed in with another account, or was never set up.',
    'plan.find-phone.unreadable':
      'The Teams devices could not be read ({reason}): look for the phone of {upn} in the Teams admin center.',
    'plan.retry-later.title': 'Check again later',
    'plan.retry-later.detail':
      'Run the diagnosis again in a few minutes: the device data may be readable again.',
    'plan.check-outage.title': 'Check the site network and the service health first',
    'plan.check-outage.detail':
      '{count} phones out of {total} are offline. Look at the Microsoft 365 service health for Teams, and ask the network team about an outage on the site (switch, uplink, firewall, DHCP) before working on single phones.',
    'plan.walk-site-checks.title': 'Walk the site checks with someone at the phone',
    'plan.walk-site-checks.detail':
      "Answer the site questions one by one (restarts, address, gateway, internet, clock, another account): they end on the probable cause and a checklist for the network team, with the phone's IP and MAC addresses.",
    'plan.restart-phone.title': 'Restart the phone',
    'plan.restart-phone.detail': 'Restart it from the bot or the Teams admin center; it takes a few minutes.',
    'plan.restart-phone.titleOnSite': 'Restart the phone on site',
    'plan.restart-phone.detailOnSite':
      'An offline phone cannot receive a remote restart: unplug its network cable (or its power supply) for ten seconds, then plug it back in.',
    'plan.update-firmware.title': 'Update the firmware to {target}',
    'plan.update-firmware.detail':
      'The phone runs {version}, below the {line} line. Once it is online, update it to {target} from the bot or the Teams admin center, and keep it powered during the update.',
    'plan.update-firmware.detailIssue':
      'The phone runs {version}, which has a known issue. Once it is online, update it to {target} from the bot or the Teams admin center, and keep it powered during the update.',
    'plan.update-other-phones.title': 'Plan the update of the other phones on {version}',
    'plan.update-other-phones.detailOne':
      '1 other phone runs {version} too: update it to {target} before it shows the same problem.',
    'plan.update-other-phones.detail':
      '{count} other phones run {version} too: update them to {target} before they show the same problem.',
    'plan.verify.title': 'Check that the phone works',
    'plan.verify.detail':
      "The screen no longer shows “No internet”, the phone shows the person's calendar, and a test call goes both ways.",

    // Missing evidence
    'missing.teams-device': 'The Teams device data (network, firmware, sign-in)',
    'missing.entra-device': 'The Entra device object',
    'missing.licence-details': 'The licence details (Teams Phone plan)',
    'missing.subscribed-skus': "The tenant's licence counts",
    'missing.reason.unavailable': 'the service did not answer',
    'missing.reason.forbidden': 'the bot is not allowed to read it',
    'missing.reason.throttled': 'Microsoft Graph asked the bot to slow down',
    'missing.reason.not-registered': 'none is registered',
    'missing.reason.not-found': 'not found',
    'missing.sentence': '{what}: could not be read ({reason}); the diagnosis went on without it.',
    'missing.requestId': 'Request id: {requestId}.',

    // The phone's identity card
    'phone.unknownModel': 'Teams phone',
    'phone.noPhone': 'No phone registered',
    'fact.phone': 'Phone',
    'fact.user': 'User',
    'fact.site': 'Site',
    'fact.ip': 'IP address',
    'fact.subnetMask': 'Subnet mask',
    'fact.mac': 'MAC address',
    'fact.hostName': 'Host name',
    'fact.gateway': 'Gateway',
    'fact.dns': 'DNS',
    'fact.dhcp': 'DHCP',
    'fact.serial': 'Serial number',
    'fact.assetTag': 'Asset tag',
    'fact.firmware': 'Firmware',
    'fact.lastSeen': 'Last seen',
    'value.dhcpOn': 'on',
    'value.dhcpOff': 'off (static address)',

    // Network hand-off
    'handoff.title': 'Network checks for {phone}: {cause}',
    'handoff.titleNoChecks': '{cause}: no network check needed',
    'handoff.ref.mac': 'MAC {mac}',
    'handoff.ref.phone': 'the phone',
    'handoff.from.vlan': 'the voice VLAN',
    'handoff.fallback.dns': "the site's DNS servers",
    'handoff.fallback.gateway': "the site's gateway",
    'handoff.check.switch-port':
      'Switch port of {macRef}: up, not shut down or err-disabled, no errors on the interface.',
    'handoff.check.voice-vlan':
      "Voice VLAN announced on the phone's switch port by LLDP-MED (or CDP on Cisco switches); data VLAN untagged for the phone's PC port.",
    'handoff.check.dhcp':
      'DHCP scope of the voice VLAN: free leases left, and options 3 (router: {gateway}), 6 (DNS: {dns}) and 42 (NTP) set.',
    'handoff.check.staticAddress':
      'The phone has a static address ({ip}): check that it belongs to the voice VLAN and that no other device uses it.',
    'handoff.check.cabling':
      'Cable and wall socket between the desk and the switch: test with a known-good cable and another socket.',
    'handoff.check.firewall':
      'Outbound from {from} to Microsoft 365 allowed: TCP 443, UDP 3478–3481 (media) and TCP 80.',
    'handoff.check.proxy':
      'No TLS inspection of the traffic from {from} to the Microsoft 365 endpoints: let it bypass the proxy, or exclude those endpoints from inspection.',
    'handoff.check.dns':
      'DNS from {from} to {dns} on UDP and TCP 53: public Microsoft 365 names such as teams.microsoft.com resolve.',
    'handoff.check.ntp':
      'NTP from {from} on UDP 123 reaches the time server given by DHCP option 42 or the phone configuration.',
    'handoff.check.poe':
      'PoE on the switch port of {macRef}: the class the phone asks for is granted, and the switch has PoE budget left.',

    // Formats
    'format.phone': 'The {model}',
    'format.phoneUnknown': 'The phone',
    'format.since': ' since {date}',
    'format.list': '{head} and {last}',
    'format.fact': '{label}: {value}',
    'format.theAccount': "the person's account",
  },
  fr: {
    'verdict.user-not-found.headline': 'Aucun compte trouvé pour cette personne',
    'verdict.user-not-found.summary':
      "Le compte de la personne est introuvable dans l'annuaire : le téléphone n'a aucun compte avec lequel se connecter. Vérifiez que le compte existe et n'a été ni supprimé ni renommé avant de vous pencher sur le téléphone.",
    'verdict.account-disabled.headline': 'Le compte est désactivé',
    'verdict.account-disabled.summary':
      "{upn} est désactivé dans Entra ID : le téléphone ne peut pas se connecter, quel que soit l'état du réseau. Cherchez d'abord pourquoi le compte a été désactivé ; les vérifications sur site peuvent attendre.",
    'verdict.no-phone-licence.headline': 'Pas de licence Teams Phone',
    'verdict.no-phone-licence.summary':
      "{upn} dispose de {licences}, mais aucune n'inclut Teams Phone, dont un téléphone de bureau Teams a besoin. Attribuez Teams Phone Standard, ou Teams Shared Devices pour un téléphone de partie commune, puis reconnectez-vous.",
    'verdict.no-phone-licence.summaryNone':
      "{upn} n'a aucune licence. Attribuez Teams Phone Standard avec la licence utilisateur habituelle, ou Teams Shared Devices pour un téléphone de partie commune, puis reconnectez-vous.",
    'verdict.no-phone-licence.summaryDisabled':
      '{upn} dispose de {licence}, mais son plan Teams Phone est désactivé. Réactivez le plan, puis reconnectez-vous sur le téléphone.',
    'verdict.licence-not-provisioned.headline': "La licence Teams Phone n'est pas prête",
    'verdict.licence-not-provisioned.summary':
      "{upn} dispose de {licence}, mais son plan Teams Phone est à l'état {status}, pas encore actif. Le téléphone ne pourra pas se connecter avant la fin du provisionnement.",
    'verdict.no-phone.headline': 'Aucun téléphone inscrit pour cette personne',
    'verdict.no-phone.summary':
      "Aucun téléphone Teams n'est inscrit avec {upn} : Microsoft Graph ne dit rien de son réseau, de son firmware ni de sa connexion. Les vérifications sur site restent valables : faites-les avec quelqu'un devant le téléphone.",
    'verdict.no-phone.headlineUnreadable': "Le téléphone n'a pas pu être lu",
    'verdict.no-phone.summaryUnreadable':
      "Les appareils Teams n'ont pas pu être lus ({reason}) : on ne sait rien du réseau, du firmware ni de la connexion du téléphone. Les vérifications sur site restent valables : faites-les avec quelqu'un devant le téléphone.",
    'verdict.fleet-wide.headline': 'De nombreux téléphones sont hors ligne : réseau ou service',
    'verdict.fleet-wide.summary':
      "{count} téléphones sur {total} sont hors ligne, celui-ci compris. Une cause aussi large vient du réseau ou du service, pas de ce téléphone : vérifiez le réseau du site et l'état du service Microsoft 365 avant de traiter les téléphones un par un.",
    'verdict.offline-old-firmware.headline':
      'Hors ligne, avec un firmware {version} antérieur à la ligne {line}',
    'verdict.offline-old-firmware.headlineIssue':
      'Hors ligne, avec le firmware {version} et son problème connu',
    'verdict.offline-old-firmware.summary':
      '{Phone} est hors ligne{since} et a le firmware {version}, antérieur à la ligne {line} ({recommended} recommandé).',
    'verdict.offline-old-firmware.summaryIssue':
      '{Phone} est hors ligne{since} et a le firmware {version}, qui a un problème connu : {note}',
    'verdict.offline-old-firmware.next':
      "Vérifiez d'abord le chemin réseau du téléphone jusqu'à Internet, puis mettez le firmware à jour en {recommended} dès que le téléphone est de nouveau en ligne.",
    'verdict.offline.headline': 'Le téléphone est hors ligne',
    'verdict.offline.summary': '{Phone} est hors ligne{since}.',
    'verdict.offline.next':
      "La cause se trouve très probablement sur le chemin du téléphone jusqu'à Internet : faites les vérifications sur site avec quelqu'un devant le téléphone.",
    'verdict.signed-out.headline': 'En ligne, mais déconnecté de Teams',
    'verdict.signed-out.summary':
      "{Phone} est sur le réseau, mais Teams le signale déconnecté{since}. Le réseau n'est pas en cause : vérifiez le compte, la licence et les stratégies de {upn}, puis reconnectez-vous.",
    'verdict.state-unknown.headline': "L'état du téléphone n'est pas indiqué",
    'verdict.state-unknown.summary':
      "{Phone} est inscrit, mais Microsoft Graph n'indique pas s'il est en ligne. Faites les vérifications sur site avec quelqu'un devant le téléphone.",
    'verdict.old-firmware.headline': 'Le firmware {version} est antérieur à la ligne {line}',
    'verdict.old-firmware.headlineIssue': 'Le firmware {version} a un problème connu',
    'verdict.old-firmware.summary':
      "{Phone} est en ligne, mais a le firmware {version}, antérieur à la ligne {line}. Planifiez sa mise à jour en {recommended} ; si l'écran affiche encore « No internet » ensuite, faites les vérifications sur site.",
    'verdict.old-firmware.summaryIssue':
      "{Phone} est en ligne, mais a le firmware {version}, qui a un problème connu : {note} Planifiez sa mise à jour en {recommended} ; si l'écran affiche encore « No internet » ensuite, faites les vérifications sur site.",
    'verdict.healthy.headline': 'Le téléphone semble en bon état vu de Microsoft 365',
    'verdict.healthy.summary':
      "{Phone} est en ligne et rien d'anormal n'apparaît dans Microsoft 365 : voir les constats ci-dessous. Si l'écran affiche encore « No internet », le problème est peut-être intermittent : faites les vérifications sur site avec quelqu'un devant le téléphone.",

    'fleet.alone':
      "C'est le seul téléphone hors ligne : la cause est probablement locale (le bureau, le câble, le port du commutateur ou le téléphone lui-même).",
    'fleet.someOne':
      '1 autre téléphone est hors ligne aussi, ce qui ne suffit pas à mettre en cause tout le réseau.',
    'fleet.some':
      '{offline} autres téléphones sont hors ligne aussi, ce qui ne suffit pas à mettre en cause tout le réseau.',

    'label.account': 'Compte',
    'label.licence': 'Licence Teams Phone',
    'label.phone': 'Téléphone',
    'label.connection': 'Liaison réseau',
    'label.signIn': 'Connexion à Teams',
    'label.firmware': 'Firmware',
    'label.fleet': 'Autres téléphones',
    'label.sameFirmware': 'Même firmware',

    'value.userNotFound': 'Aucun compte trouvé',
    'value.accountEnabled': '{upn}, activé',
    'value.accountDisabled': '{upn}, désactivé : il ne peut pas se connecter',
    'value.accountUnknown': '{upn}, état activé non indiqué',
    'value.licencePlan': '{licence}, plan Teams Phone actif',
    'value.licenceShared': '{licence}, qui inclut Teams Phone pour les téléphones de parties communes',
    'value.noLicence': 'Aucun plan Teams Phone dans {licences}',
    'value.noLicenceAtAll': 'Aucune licence',
    'value.planDisabled': 'Plan Teams Phone désactivé dans {licence}',
    'value.notProvisioned': 'Plan Teams Phone de {licence} : {status}, pas encore actif',
    'value.licencesUnknown': 'Impossible à vérifier',
    'value.noPhone': 'Aucun inscrit avec ce compte',
    'value.phoneUnreadable': 'Lecture impossible ({reason})',
    'value.online': 'En ligne',
    'value.offline': 'Hors ligne depuis le {date}',
    'value.offlineNoDate': 'Hors ligne',
    'value.connectionUnknown': 'Non indiquée',
    'value.signedIn': 'Connecté',
    'value.signedOut': 'Déconnecté depuis le {date}',
    'value.signedOutNoDate': 'Déconnecté',
    'value.signedOutOffline': 'Pas de connexion tant que le téléphone est hors ligne',
    'value.signInUnknown': 'Non indiquée',
    'value.firmwareBelow': '{version} : antérieur à la ligne {line} ; mettez à jour en {recommended}',
    'value.firmwareIssue': '{version} : problème connu ; mettez à jour en {recommended}. {note}',
    'value.firmwareBehind': '{version} : pris en charge ; {recommended} est recommandé',
    'value.firmwareCurrent': '{version} : à jour',
    'value.firmwareUnknownModel': '{version} : aucune référence connue pour {model}',
    'value.firmwareMissing': 'Version non indiquée',
    'value.fleetOk': 'Aucun hors ligne ({total} téléphones en tout)',
    'value.fleetSomeOne': '1 autre hors ligne sur {total}',
    'value.fleetSome': '{offline} autres hors ligne sur {total}',
    'value.fleetWideOne':
      '1 autre hors ligne sur {total} ({share}\u00a0%) : vérifiez le réseau et le service',
    'value.fleetWide':
      '{offline} autres hors ligne sur {total} ({share}\u00a0%) : vérifiez le réseau et le service',
    'value.fleetUnknown': 'Liste impossible à lire',
    'value.sameFirmwareOne': '1 autre téléphone a aussi le firmware {version}',
    'value.sameFirmware': '{count} autres téléphones ont aussi le firmware {version}',

    'plan.check-account.title': 'Rechercher le compte de la personne',
    'plan.check-account.detail':
      "Cherchez {who} dans l'annuaire : le compte a peut-être été supprimé ou renommé. Un compte supprimé peut être restauré pendant 30 jours.",
    'plan.find-why-disabled.title': 'Trouver pourquoi le compte a été désactivé',
    'plan.find-why-disabled.detail':
      "Consultez le journal d'audit Entra pour savoir qui a désactivé {upn} et quand : un départ ou une réponse de sécurité peut en être la raison.",
    'plan.enable-account.title': 'Réactiver le compte',
    'plan.enable-account.detail':
      "Une fois sûr que c'est sans risque, réactivez {upn} ; le téléphone se reconnecte tout seul ou après un redémarrage.",
    'plan.assign-phone-licence.title': 'Attribuer une licence Teams Phone',
    'plan.assign-phone-licence.detail':
      "Attribuez Teams Phone Standard à {upn}, ou Teams Shared Devices s'il s'agit d'un téléphone de partie commune, et laissez quelques minutes au provisionnement.",
    'plan.enable-phone-plan.title': 'Réactiver le plan Teams Phone',
    'plan.enable-phone-plan.detail':
      'Le plan Teams Phone (MCOEV) est désactivé dans {licence} pour {upn} : activez-le dans les plans de service de la licence.',
    'plan.wait-for-provisioning.title': 'Laisser le temps au provisionnement',
    'plan.wait-for-provisioning.detail':
      "Le plan Teams Phone de {licence} est à l'état {status}. Le provisionnement se termine normalement tout seul : vérifiez de nouveau dans quelques heures ; après 24 heures, retirez puis réattribuez la licence ou contactez le support Microsoft.",
    'plan.sign-in-again.title': 'Se reconnecter sur le téléphone',
    'plan.sign-in-again.detail':
      'Une fois le compte et la licence en ordre, déconnectez {upn} du téléphone puis reconnectez-le.',
    'plan.find-phone.title': "Retrouver le téléphone dans le centre d'administration Teams",
    'plan.find-phone.not-registered':
      "Aucun téléphone Teams n'est inscrit avec {upn} : vérifiez si le téléphone est connecté avec un autre compte, ou s'il n'a jamais été configuré.",
    'plan.find-phone.unreadable':
      "Les appareils Teams n'ont pas pu être lus ({reason}) : cherchez le téléphone de {upn} dans le centre d'administration Teams.",
    'plan.retry-later.title': 'Revérifier plus tard',
    'plan.retry-later.detail':
      "Relancez le diagnostic dans quelques minutes : les données de l'appareil seront peut-être de nouveau disponibles.",
    'plan.check-outage.title': "Vérifier d'abord le réseau du site et l'état du service",
    'plan.check-outage.detail':
      "{count} téléphones sur {total} sont hors ligne. Consultez l'état du service Microsoft 365 pour Teams, et demandez à l'équipe réseau s'il y a une panne sur le site (commutateur, lien montant, pare-feu, DHCP) avant de traiter les téléphones un par un.",
    'plan.walk-site-checks.title': "Faire les vérifications sur site avec quelqu'un devant le téléphone",
    'plan.walk-site-checks.detail':
      "Répondez aux questions une par une (redémarrages, adresse, passerelle, Internet, horloge, autre compte) : elles mènent à la cause probable et à une liste de vérifications pour l'équipe réseau, avec les adresses IP et MAC du téléphone.",
    'plan.restart-phone.title': 'Redémarrer le téléphone',
    'plan.restart-phone.detail':
      "Redémarrez-le depuis le bot ou le centre d'administration Teams ; cela prend quelques minutes.",
    'plan.restart-phone.titleOnSite': 'Redémarrer le téléphone sur place',
    'plan.restart-phone.detailOnSite':
      'Un téléphone hors ligne ne peut pas recevoir de redémarrage à distance : débranchez son câble réseau (ou son bloc secteur) dix secondes, puis rebranchez-le.',
    'plan.update-firmware.title': 'Mettre à jour le firmware en {target}',
    'plan.update-firmware.detail':
      "Le téléphone a le firmware {version}, antérieur à la ligne {line}. Une fois qu'il est en ligne, mettez-le à jour en {target} depuis le bot ou le centre d'administration Teams, et laissez-le alimenté pendant la mise à jour.",
    'plan.update-firmware.detailIssue':
      "Le téléphone a le firmware {version}, qui a un problème connu. Une fois qu'il est en ligne, mettez-le à jour en {target} depuis le bot ou le centre d'administration Teams, et laissez-le alimenté pendant la mise à jour.",
    'plan.update-other-phones.title': 'Planifier la mise à jour des autres téléphones en {version}',
    'plan.update-other-phones.detailOne':
      "1 autre téléphone a aussi le firmware {version} : mettez-le à jour en {target} avant qu'il présente le même problème.",
    'plan.update-other-phones.detail':
      "{count} autres téléphones ont aussi le firmware {version} : mettez-les à jour en {target} avant qu'ils présentent le même problème.",
    'plan.verify.title': 'Vérifier que le téléphone fonctionne',
    'plan.verify.detail':
      "L'écran n'affiche plus « No internet », le téléphone affiche le calendrier de la personne, et un appel de test passe dans les deux sens.",

    'missing.teams-device': "Les données de l'appareil Teams (réseau, firmware, connexion)",
    'missing.entra-device': "L'objet appareil Entra",
    'missing.licence-details': 'Le détail des licences (plan Teams Phone)',
    'missing.subscribed-skus': 'Les compteurs de licences du locataire',
    'missing.reason.unavailable': "le service n'a pas répondu",
    'missing.reason.forbidden': "le bot n'a pas l'autorisation",
    'missing.reason.throttled': 'Microsoft Graph a demandé au bot de ralentir',
    'missing.reason.not-registered': "aucun n'est inscrit",
    'missing.reason.not-found': 'introuvable',
    'missing.sentence': "{what} : lecture impossible ({reason}) ; le diagnostic s'est poursuivi sans.",
    'missing.requestId': 'Identifiant de requête : {requestId}.',

    'phone.unknownModel': 'Téléphone Teams',
    'phone.noPhone': 'Aucun téléphone inscrit',
    'fact.phone': 'Téléphone',
    'fact.user': 'Utilisateur',
    'fact.site': 'Site',
    'fact.ip': 'Adresse IP',
    'fact.subnetMask': 'Masque de sous-réseau',
    'fact.mac': 'Adresse MAC',
    'fact.hostName': "Nom d'hôte",
    'fact.gateway': 'Passerelle',
    'fact.dns': 'DNS',
    'fact.dhcp': 'DHCP',
    'fact.serial': 'Numéro de série',
    'fact.assetTag': "Numéro d'inventaire",
    'fact.firmware': 'Firmware',
    'fact.lastSeen': 'Vu pour la dernière fois',
    'value.dhcpOn': 'activé',
    'value.dhcpOff': 'désactivé (adresse fixe)',

    'handoff.title': 'Vérifications réseau pour {phone} : {cause}',
    'handoff.titleNoChecks': '{cause} : aucune vérification réseau nécessaire',
    'handoff.ref.mac': 'de la MAC {mac}',
    'handoff.ref.phone': 'du téléphone',
    'handoff.from.vlan': 'le VLAN voix',
    'handoff.fallback.dns': 'les serveurs DNS du site',
    'handoff.fallback.gateway': 'la passerelle du site',
    'handoff.check.switch-port':
      "Port du commutateur {macRef} : actif, ni désactivé ni en err-disabled, sans erreurs sur l'interface.",
    'handoff.check.voice-vlan':
      'VLAN voix annoncé sur le port du commutateur du téléphone par LLDP-MED (ou CDP sur les commutateurs Cisco) ; VLAN données non étiqueté pour le port PC du téléphone.',
    'handoff.check.dhcp':
      'Étendue DHCP du VLAN voix : des baux disponibles, et les options 3 (routeur : {gateway}), 6 (DNS : {dns}) et 42 (NTP) renseignées.',
    'handoff.check.staticAddress':
      "Le téléphone a une adresse fixe ({ip}) : vérifiez qu'elle appartient au VLAN voix et qu'aucun autre appareil ne l'utilise.",
    'handoff.check.cabling':
      'Câble et prise murale entre le bureau et le commutateur : testez avec un câble sain et une autre prise.',
    'handoff.check.firewall':
      'Sortie autorisée depuis {from} vers Microsoft 365 : TCP 443, UDP 3478–3481 (média) et TCP 80.',
    'handoff.check.proxy':
      "Pas d'inspection TLS du trafic depuis {from} vers les points de terminaison Microsoft 365 : faites-lui contourner le proxy, ou excluez ces points de terminaison de l'inspection.",
    'handoff.check.dns':
      'DNS depuis {from} vers {dns} en UDP et TCP 53 : les noms publics de Microsoft 365, comme teams.microsoft.com, sont résolus.',
    'handoff.check.ntp':
      "NTP depuis {from} en UDP 123 : le serveur de temps indiqué par l'option DHCP 42 ou la configuration du téléphone répond.",
    'handoff.check.poe':
      'PoE sur le port du commutateur {macRef} : la classe demandée par le téléphone est accordée, et il reste du budget PoE au commutateur.',

    'format.phone': 'Le {model}',
    'format.phoneUnknown': 'Le téléphone',
    'format.since': ' depuis le {date}',
    'format.list': '{head} et {last}',
    'format.fact': '{label} : {value}',
    'format.theAccount': 'le compte de la personne',
  },
};

/** Looks up a phone diagnosis text; French must define exactly the English keys. */
export const phoneText = defineTexts(phoneTextCatalog);

export type PhoneTextKey = Parameters<typeof phoneText>[1];
