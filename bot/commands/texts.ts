import { defineTexts } from '../i18n';

/** Texts of the chat commands and card verbs, in English and French. */
export const t = defineTexts({
  en: {
    'help.example.room': 'room 4B stuck on licence',
    'help.example.room.desc':
      'Diagnose a Teams Room: account, licence, app build, device health, and the fix.',
    'help.example.roomFr': 'salle 4B bloquée licence',
    'help.example.roomFr.desc': 'The same in French: I answer in the language you write in.',
    'help.example.phone': "Alice's CCX 500 says no internet",
    'help.example.phone.desc': 'Poly CCX phone showing "No internet. Emergency calls aren\'t supported".',
    'help.example.status': 'status 4B',
    'help.example.status.desc': 'Where the repair of a room stands.',
    'help.example.fleet': 'fleet',
    'help.example.fleet.desc': 'Every broken room and phone of the tenant, with a button each.',
    'help.example.channel': 'set helpdesk channel',
    'help.example.channel.desc': "In a channel: users' reports start a thread there.",
    'help.example.faq': 'why only some rooms?',
    'help.example.faq.desc': 'Questions about the playbooks, answered.',
    'help.example.report': 'the screen in room 4B says licence error',
    'help.example.report.desc': 'Report a broken room: the helpdesk is told and you get a case number.',
    'help.example.reportPhone': 'my phone says no internet',
    'help.example.reportPhone.desc': 'Report your Teams phone.',
    'help.example.help': 'help',
    'help.example.help.desc': 'This card.',
    'room.which': 'Which room do you mean? Name it, for example "room 4B stuck on licence".',
    'directory.loading': 'I am still loading the room list from Microsoft Graph. Try again in a few seconds.',
    'directory.empty':
      'I could not load any rooms from Microsoft Graph, so I cannot find "{query}". Check that the app has Place.Read.All.',
    'case.none': 'There is no open repair case for {room}. Ask me to diagnose it: "{room} stuck on licence".',
    'case.noneAll': 'There are no open repair cases.',
    'case.which': 'Which room? For example "status 4B".',
    'repair.title': 'Licence repair for {room}',
    'repair.preview': 'This is what the licence repair will do. Nothing has been changed yet.',
    'repair.change.reset': 'You reset the Teams Rooms app on the console and sign it out.',
    'repair.change.remove': 'Remove {sku} from {account} (snapshot kept: same licence and disabled plans).',
    'repair.change.removeUser':
      'Remove the user licence {sku} from {account}: user licences are blocked on Teams Rooms.',
    'repair.change.wait': 'Wait 8 to 24 hours so the service purges the old provisioning data.',
    'repair.change.reassign': 'Reassign {sku} with the same disabled plans (or Teams Rooms Pro).',
    'repair.change.restart': 'Restart the console and check that it signs in.',
    'repair.change.none': 'No licence change is needed for this verdict.',
    'repair.warning':
      'The console cannot be used while the licence is removed. Tell the people who booked the room.',
    'repair.back': 'Back to the diagnosis',
    'repair.start': 'Start the licence repair',
    'repair.removeUserLicence': 'Remove the user licence',
    'repair.recheck': 'Check again',
    'phone.title': "{person}'s phone: no internet",
    'phone.intro':
      'Checks for "No internet. Emergency calls aren\'t supported" on a Poly CCX, most likely first:',
    'phone.step.network':
      'Network: the phone gets an address on the voice VLAN (169.254.x.x means no DHCP), cable, switch port and PoE budget.',
    'phone.step.firewall':
      'Firewall and proxy: TCP 443, UDP 3478-3481, DNS 53, NTP 123 and HTTP 80 open to Microsoft 365.',
    'phone.step.clock': 'Clock and certificates: NTP reachable, date and time right.',
    'phone.step.account':
      'Account enabled and a Teams Phone licence (or Teams Shared Devices for a common-area phone).',
    'phone.step.firmware': 'Firmware: 7.1.3.0991 is old; update to the 8.x line.',
    'phone.step.reset': 'Corrupt profile: factory reset and provision again.',
    'phone.step.escalate': 'Still failing: escalate with the phone logs.',
    'report.confirm.title': 'Report a problem with {what} to the helpdesk?',
    'report.confirm.line1': 'The helpdesk is told in its channel, with what the bot can see from here.',
    'report.confirm.line2': 'You get a case number now, and a message here when it is fixed.',
    'report.confirm.button': 'Yes, report it',
    'report.confirm.cancel': 'No, never mind',
    'report.dismissed': 'Nothing was reported.',
    'report.opened.title': 'Case {number} is open for {what}',
    'report.opened.line1': 'The helpdesk has been told and will take it from here.',
    'report.opened.line2': 'You will get a message in this chat when it is fixed.',
    'report.joined.title': '{what} is already being looked at (case {number})',
    'report.joined.line':
      'Your report was added to it: you will get a message in this chat when it is fixed.',
    'report.banner': 'Reported by {name} in a 1:1 chat with the bot',
    'report.resolve': 'Fixed: close the case',
    'report.yourPhone': 'your phone',
    'report.which': 'Which room is it? For example "the screen in room 4B says licence error".',
    'report.pending':
      '{count} report(s) from users are waiting: the helpdesk channel is not set or the bot was removed from it. Run "set helpdesk channel" in the channel that should receive them.',
    'channel.set.title': 'This channel now receives the reports',
    'channel.set.line':
      'Reports that users send the bot in a 1:1 chat start a thread here, with the diagnosis.',
    'channel.set.delivered': '{count} waiting report(s) were posted here.',
    'channel.set.notChannel':
      'Run "set helpdesk channel" in the Teams channel that should receive the reports.',
    'fleet.scanning': 'Scanning every Teams Room and phone of the tenant; the digest follows in a moment.',
    'phone.openCase': 'Open a case',
    'phone.handoff.title': 'Network hand-off · {phone}',
    'phone.handoff.none':
      'The probable cause is not on the network: there is nothing to hand to the network team.',
    'phone.which': 'Whose phone is it? For example "Alice\'s CCX 500 says no internet".',
    'person.notFound': 'I found nobody called "{query}".',
    'person.ambiguous': 'Several people match "{query}": {names}. Use the full name or the email address.',
    'refused.wrong-state': 'That step does not fit the case as it is now: here is where it stands.',
    'refused.window-not-open':
      'The wait is not over yet: reassigning now needs the explicit "reassign early" button.',
    'refused.approval-required': 'A second helpdesk member must approve the removal.',
    'refused.same-approver': 'You asked for this removal: another helpdesk member must approve it.',
    'refused.closed': 'This case is closed.',
    'refused.nothing-to-restore': 'There is no licence to restore.',
    'refused.no-device': 'No Teams phone is registered for this person: the bot cannot reach it.',
    'refused.nothing-to-update':
      'The phone already runs the recommended firmware: there is nothing to update.',
    'refused.already-answered': 'That question is already answered: here is the next step.',
    'forbidden.case': 'Only helpdesk members can act on this case. Your attempt was recorded.',
    'start.group.title': '{room}: the licence comes from a group',
    'start.group.line1':
      '{sku} is assigned to {account} through a group, so it cannot be removed from the account alone.',
    'start.group.line2':
      'Exclude the room account from the group (or remove it from the group), wait 8 to 24 hours, add it back, then restart the console. I will not change group membership myself.',
    'start.usage.title': '{room}: no usage location',
    'start.usage.line':
      '{account} has no usage location, so Microsoft 365 will refuse to assign its licence again after the removal. Set it first.',
    'start.usage.button': 'Set the usage location to {country}',
    'start.usage.noCountry':
      'Set it in the Microsoft 365 admin center (or Update-MgUser -UsageLocation), then try again.',
    'start.usage.done': 'Usage location of {account} set to {country}.',
    'start.none.title': '{room}: no licence repair needed',
    'start.none.line': 'The diagnosis is "{verdict}": removing and reassigning the licence would not help.',
    'case.opened': 'Case {number} opened for {room}.',
    'cancel.which': 'Which case? For example "cancel case 12".',
    'cancel.notFound': 'There is no case {number}.',
    'export.none': 'There are no cases to export yet.',
    'export.ready': 'Cases exported: {count}. The CSV file is attached.',
  },
  fr: {
    'help.example.room': 'room 4B stuck on licence',
    'help.example.room.desc':
      'Diagnostiquer une salle Teams : compte, licence, version de l’application, état de l’appareil et la correction.',
    'help.example.roomFr': 'salle 4B bloquée licence',
    'help.example.roomFr.desc': 'Je réponds dans la langue de votre message, français ou anglais.',
    'help.example.phone': 'le CCX 500 d’Alice affiche No internet',
    'help.example.phone.desc':
      'Téléphone Poly CCX qui affiche « No internet. Emergency calls aren’t supported ».',
    'help.example.status': 'où en est la salle 4B',
    'help.example.status.desc': 'L’état de la réparation d’une salle.',
    'help.example.fleet': 'état du parc',
    'help.example.fleet.desc':
      'Toutes les salles et tous les téléphones en panne, avec un bouton pour chacun.',
    'help.example.channel': 'définir le canal du support',
    'help.example.channel.desc': 'Dans un canal : les signalements des utilisateurs y ouvrent un fil.',
    'help.example.faq': 'pourquoi seulement certaines salles ?',
    'help.example.faq.desc': 'Les questions sur les procédures, avec leur réponse.',
    'help.example.report': 'la salle 4B ne démarre pas la réunion',
    'help.example.report.desc':
      'Signaler une salle en panne : le support est prévenu et vous recevez un numéro de dossier.',
    'help.example.reportPhone': 'mon téléphone affiche No internet',
    'help.example.reportPhone.desc': 'Signaler votre téléphone Teams.',
    'help.example.help': 'aide',
    'help.example.help.desc': 'Cette carte.',
    'room.which': 'De quelle salle s’agit-il ? Nommez-la, par exemple « salle 4B bloquée licence ».',
    'directory.loading':
      'Je charge encore la liste des salles depuis Microsoft Graph. Réessayez dans quelques secondes.',
    'directory.empty':
      'Je n’ai pu charger aucune salle depuis Microsoft Graph, je ne peux donc pas trouver « {query} ». Vérifiez que l’application a Place.Read.All.',
    'case.none':
      'Aucun dossier de réparation ouvert pour {room}. Demandez-moi un diagnostic : « {room} bloquée licence ».',
    'case.noneAll': 'Aucun dossier de réparation ouvert.',
    'case.which': 'Quelle salle ? Par exemple « où en est la salle 4B ».',
    'repair.title': 'Réparation de la licence de {room}',
    'repair.preview': 'Voici ce que fera la réparation de la licence. Rien n’a encore été modifié.',
    'repair.change.reset': 'Vous réinitialisez l’application Teams Rooms sur la console et la déconnectez.',
    'repair.change.remove':
      'Retirer {sku} de {account} (copie conservée : même licence et mêmes plans désactivés).',
    'repair.change.removeUser':
      'Retirer la licence utilisateur {sku} de {account} : les licences utilisateur sont bloquées sur Teams Rooms.',
    'repair.change.wait':
      'Attendre 8 à 24 heures que le service purge les anciennes données de provisionnement.',
    'repair.change.reassign': 'Réattribuer {sku} avec les mêmes plans désactivés (ou Teams Rooms Pro).',
    'repair.change.restart': 'Redémarrer la console et vérifier qu’elle se connecte.',
    'repair.change.none': 'Ce diagnostic ne demande aucun changement de licence.',
    'repair.warning':
      'La console est inutilisable tant que la licence est retirée. Prévenez les personnes qui ont réservé la salle.',
    'repair.back': 'Retour au diagnostic',
    'repair.start': 'Lancer la réparation de la licence',
    'repair.removeUserLicence': 'Retirer la licence utilisateur',
    'repair.recheck': 'Vérifier à nouveau',
    'report.confirm.title': 'Signaler un problème concernant {what} au support ?',
    'report.confirm.line1': 'Le support est prévenu dans son canal, avec ce que le bot peut voir d’ici.',
    'report.confirm.line2':
      'Vous recevez un numéro de dossier maintenant, et un message ici quand ce sera réparé.',
    'report.confirm.button': 'Oui, signaler',
    'report.confirm.cancel': 'Non, laisser tomber',
    'report.dismissed': 'Rien n’a été signalé.',
    'report.opened.title': 'Le dossier {number} est ouvert pour {what}',
    'report.opened.line1': 'Le support est prévenu et prend le relais.',
    'report.opened.line2': 'Vous recevrez un message dans cette conversation quand ce sera réparé.',
    'report.joined.title': '{what} est déjà pris en charge (dossier {number})',
    'report.joined.line':
      'Votre signalement y a été ajouté : vous recevrez un message ici quand ce sera réparé.',
    'report.banner': 'Signalé par {name} dans une conversation privée avec le bot',
    'report.resolve': 'Réglé : clore le dossier',
    'report.yourPhone': 'votre téléphone',
    'report.which':
      'De quelle salle s’agit-il ? Par exemple « l’écran de la salle 4B affiche une erreur de licence ».',
    'report.pending':
      '{count} signalement(s) d’utilisateurs attendent : le canal du support n’est pas défini ou le bot en a été retiré. Lancez « définir le canal du support » dans le canal qui doit les recevoir.',
    'channel.set.title': 'Ce canal reçoit désormais les signalements',
    'channel.set.line':
      'Les signalements envoyés au bot en conversation privée ouvrent un fil ici, avec le diagnostic.',
    'channel.set.delivered': '{count} signalement(s) en attente ont été publiés ici.',
    'channel.set.notChannel':
      'Lancez « définir le canal du support » dans le canal Teams qui doit recevoir les signalements.',
    'fleet.scanning':
      'J’analyse toutes les salles Teams et tous les téléphones du client ; le résumé arrive dans un instant.',
    'phone.openCase': 'Ouvrir un dossier',
    'phone.handoff.title': 'Transmission à l’équipe réseau · {phone}',
    'phone.handoff.none':
      'La cause probable n’est pas dans le réseau : rien à transmettre à l’équipe réseau.',
    'phone.title': 'Téléphone de {person} : pas d’internet',
    'phone.intro':
      'Vérifications pour « No internet. Emergency calls aren’t supported » sur un Poly CCX, les plus probables d’abord :',
    'phone.step.network':
      'Réseau : le téléphone obtient une adresse sur le VLAN voix (169.254.x.x : pas de DHCP), câble, port du commutateur et budget PoE.',
    'phone.step.firewall':
      'Pare-feu et proxy : TCP 443, UDP 3478-3481, DNS 53, NTP 123 et HTTP 80 ouverts vers Microsoft 365.',
    'phone.step.clock': 'Horloge et certificats : NTP joignable, date et heure justes.',
    'phone.step.account':
      'Compte activé et licence Teams Phone (ou Teams Shared Devices pour un téléphone partagé).',
    'phone.step.firmware': 'Micrologiciel : 7.1.3.0991 est ancien ; passez à la branche 8.x.',
    'phone.step.reset': 'Profil corrompu : réinitialisation d’usine et nouveau provisionnement.',
    'phone.step.escalate': 'Toujours en panne : escalade avec les journaux du téléphone.',
    'phone.which': 'À qui est ce téléphone ? Par exemple « le CCX 500 d’Alice affiche No internet ».',
    'person.notFound': 'Je ne trouve personne du nom de « {query} ».',
    'person.ambiguous':
      'Plusieurs personnes correspondent à « {query} » : {names}. Donnez le nom complet ou l’adresse e-mail.',
    'refused.wrong-state': 'Cette étape ne correspond pas à l’état du dossier : voici où il en est.',
    'refused.window-not-open':
      'L’attente n’est pas terminée : réattribuer maintenant demande le bouton « réattribuer en avance ».',
    'refused.approval-required': 'Un second membre du support doit approuver le retrait.',
    'refused.same-approver': 'Vous avez demandé ce retrait : un autre membre du support doit l’approuver.',
    'refused.closed': 'Ce dossier est clos.',
    'refused.nothing-to-restore': 'Il n’y a aucune licence à restaurer.',
    'refused.no-device':
      'Aucun téléphone Teams n’est enregistré pour cette personne : le bot ne peut pas l’atteindre.',
    'refused.nothing-to-update': 'Le téléphone a déjà le firmware recommandé : rien à mettre à jour.',
    'refused.already-answered': 'Cette question a déjà une réponse : voici l’étape suivante.',
    'forbidden.case':
      'Seuls les membres du support peuvent agir sur ce dossier. Votre tentative a été enregistrée.',
    'start.group.title': '{room} : la licence vient d’un groupe',
    'start.group.line1':
      '{sku} est attribuée à {account} par un groupe : elle ne peut pas être retirée du seul compte.',
    'start.group.line2':
      'Excluez le compte de salle du groupe (ou retirez-le du groupe), attendez 8 à 24 heures, rajoutez-le, puis redémarrez la console. Je ne modifie pas moi-même les membres des groupes.',
    'start.usage.title': '{room} : pas d’emplacement d’utilisation',
    'start.usage.line':
      '{account} n’a pas d’emplacement d’utilisation : Microsoft 365 refusera de lui réattribuer sa licence après le retrait. Définissez-le d’abord.',
    'start.usage.button': 'Définir l’emplacement d’utilisation à {country}',
    'start.usage.noCountry':
      'Définissez-le dans le centre d’administration Microsoft 365 (ou Update-MgUser -UsageLocation), puis réessayez.',
    'start.usage.done': 'Emplacement d’utilisation de {account} défini à {country}.',
    'start.none.title': '{room} : aucune réparation de licence nécessaire',
    'start.none.line':
      'Le diagnostic est « {verdict} » : retirer puis réattribuer la licence n’aiderait pas.',
    'case.opened': 'Dossier {number} ouvert pour {room}.',
    'cancel.which': 'Quel dossier ? Par exemple « annule le dossier 12 ».',
    'cancel.notFound': 'Il n’y a pas de dossier {number}.',
    'export.none': 'Aucun dossier à exporter pour l’instant.',
    'export.ready': 'Dossiers exportés : {count}. Le fichier CSV est joint.',
  },
});
