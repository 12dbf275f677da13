import { defineTexts, type Locale } from '../i18n';

// French typography wants a no-break space before ":", "?", "!" and inside « ».
const NBSP = '\u00a0';

/**
 * Every sentence of the case card, the case list, the confirmations and the proactive notices, in English and
 * French. Exported so tests can compare the two languages.
 */
export const CASE_TEXTS = {
  en: {
    title: 'Case {number} · {room}',

    'state.diagnosed': 'Reported',
    'state.awaiting-confirmation': 'Waiting for confirmation',
    'state.awaiting-approval': 'Waiting for approval',
    'state.removing': 'Removing the licence',
    'state.waiting': 'Waiting before reassignment',
    'state.window-open': 'Ready to reassign',
    'state.window-overdue': 'Wait overdue',
    'state.reassigning': 'Reassigning the licence',
    'state.verifying': 'Checking the sign-in',
    'state.troubleshooting': 'Site checks',
    'state.device-operation': 'Device command running',
    'state.checking': 'Checking the phone',
    'state.resolved': 'Resolved',
    'state.escalated': 'Escalated to Microsoft Support',
    'state.cancelled': 'Cancelled',
    'outcome.no-seat': 'No free seat',
    'outcome.not-verified': 'Sign-in not confirmed',
    'outcome.restart-failed': 'Restart needed on site',
    'outcome.remove-failed': 'Removal failed',
    'outcome.reassign-failed': 'Reassignment failed',

    'summary.diagnosed':
      'The problem was reported and diagnosed. Nothing has been changed: the helpdesk decides on the repair.',
    'summary.diagnosed.report':
      'Reported by a user. The bot does not repair this problem itself: fix it as the diagnosis in this thread says, then close the case; the reporters are told.',
    'summary.awaiting-confirmation.cycle':
      'Nothing has been changed yet. Once the console is reset and signed out, remove {licence}: the bot has kept its exact settings to put it back after the wait.',
    'summary.awaiting-confirmation.user':
      'Nothing has been changed yet. Removing {licence} from the room account, then restarting the console, lets it sign in with its Teams Rooms licence.',
    'summary.awaiting-approval':
      '{name} asked to remove the licence. A second helpdesk member must approve before anything changes.',
    'summary.remove-failed':
      'The licence could not be removed ({reason}). Nothing was changed: try again, or cancel the case.',
    'summary.removing': 'The bot is removing {licence} from {account}. This card changes when it is done.',
    'summary.waiting':
      'The licence was removed on {removedAt}. The service must first drop the room’s old licence data: the licence can be reassigned from {opensAt} ({left}). The bot posts in this thread when the time comes.',
    'summary.window-open':
      'The wait is over: reassign {licence} now. The bot then restarts the console and checks that it signs in.',
    'summary.window-overdue':
      'The planned wait ended on {closesAt}: reassign {licence} now, or escalate to Microsoft Support. The room stays out of service until then.',
    'summary.no-seat':
      'No {licence} seat was free to reassign it: the seat freed during the wait may have been taken by another assignment.',
    'summary.reassign-failed':
      'Reassigning {licence} failed ({reason}). Try again, or escalate to Microsoft Support.',
    'summary.reassigning': 'The bot is assigning {licence} to {account}, then restarts the console.',
    'summary.verifying':
      'The licence change is done. The console is restarting, and the bot checks until {deadline} that it signs in.',
    'summary.verifying.noDeadline':
      'The licence change is done. The console is restarting, and the bot checks that it signs in.',
    'summary.restart-failed':
      'The console could not be restarted remotely. Restart it by hand: the bot keeps checking that it signs in.',
    'summary.not-verified':
      'The console has not signed in. Look at its screen: if it still shows the licence message, escalate to Microsoft Support with the escalation pack.',
    'summary.resolved': 'The console signs in again. Case closed.',
    'summary.escalated':
      'The case was escalated to Microsoft Support and the escalation pack posted in this thread. The bot changes nothing more on this room.',
    'summary.cancelled': 'The case was cancelled. Nothing more will be changed.',
    'summary.restoring': '{licence} is being assigned back to {account}.',
    'summary.restored': '{licence} was assigned back to {account}.',
    unknownReason: 'no reason given',

    'fact.account': 'Room account',
    'fact.licence': 'Licence',
    'fact.removeLicences': 'Licence to remove',
    'fact.target': 'Will be assigned',
    'fact.removedAt': 'Removed',
    'fact.opensAt': 'Window opens',
    'fact.closesAt': 'Window closes',
    'fact.reassignedAt': 'Reassigned',
    'fact.verifyDeadline': 'Sign-in checked until',
    'fact.approval': 'Approval requested by',
    'fact.openedBy': 'Opened by',
    'fact.reporters': 'Reported by',
    'plans.none': 'all plans enabled',
    'plans.one': '1 disabled plan',
    'plans.many': '{count} disabled plans',
    'plans.with.none': 'with all its plans enabled',
    'plans.with.one': 'with its disabled plan',
    'plans.with.many': 'with its {count} disabled plans',
    groupAssigned: 'assigned through a group',

    'relative.in': 'in {duration}',
    'relative.openSince': 'open since {duration}',
    'relative.overdue': 'overdue by {duration}',
    'relative.ago': '{duration} ago',
    'duration.hoursMinutes': '{hours} h {minutes} min',
    'duration.hours': '{hours} h',
    'duration.minutes': '{minutes} min',
    'duration.underMinute': 'less than 1 min',

    'checklist.title': 'To do on the console',
    'checklist.reset':
      'Reset the Teams Rooms app on the console and sign it out, before the licence is removed.',
    'checklist.keepSignedOut': 'Leave the console signed out until the licence is assigned back.',
    'checklist.restart': 'Restart the console by hand: power it off, wait a few seconds, power it on.',
    'checklist.watchSignIn': 'Check on its screen that it signs in to Teams.',

    'warning.early':
      'Reassigning before {opensAt} is likely to leave the licence error in place: the service may not have dropped the old licence data yet.',
    'warning.noSeat':
      'The seat freed during the wait may have been taken. Free a {licence} seat in the Microsoft 365 admin center, then reassign.',
    'warning.noSeat.pro': 'Free {licence} seats: {count}. You can assign it instead.',

    'history.title': 'History',
    'history.bot': 'Bot',
    'history.request': 'request {id}',
    'history.failed': 'failed',
    'history.refused': 'refused',
    'history.opened': 'opened the case',
    'history.start': 'took the case up',
    'history.confirm': 'confirmed the removal',
    'history.approval-requested': 'asked for a second approval',
    'history.approve': 'approved the removal',
    'history.removed': 'removed {licence}',
    'history.remove-failed': 'could not remove {licence}',
    'history.window-opened': 'wait over, reassignment possible',
    'history.window-closed': 'planned wait overdue',
    'history.reassign': 'asked to reassign {target}',
    'history.reassignEarly': 'asked to reassign {target} before the window opened',
    'history.reassigned': 'assigned {target}',
    'history.reassign-failed': 'could not assign {target}',
    'history.restart-started': 'restarted the console',
    'history.restart-failed': 'could not restart the console',
    'history.verify-result': 'checked the sign-in',
    'history.verify-timeout': 'sign-in not confirmed in time',
    'history.extend': 'extended the wait',
    'history.extendBy': 'extended the wait by {duration}',
    'history.cancel': 'cancelled the case',
    'history.restored': 'assigned {licence} back',
    'history.escalate': 'escalated to Microsoft Support',
    'history.reporter-joined': 'reported the problem too',
    'history.check-passed': 'marked the problem fixed',

    'action.start': 'Start the licence repair',
    'action.resolve': 'Fixed: close the case',
    'action.confirm': 'Remove the licence now',
    'action.retryRemove': 'Try the removal again',
    'action.approve': 'Approve the removal',
    'action.cancel': 'Cancel the case',
    'action.reassignEarly': 'Reassign now anyway',
    'action.extend': 'Wait {hours} h more',
    'action.reassign': 'Reassign {licence}',
    'action.reassignPro': 'Assign {licence} instead',
    'action.escalate': 'Escalate to Microsoft Support',
    'action.refresh': 'Refresh',
    'action.back': 'Back to the case',
    'action.open': 'Open',
    readOnly: 'Only helpdesk members can act on this case.',

    'confirmCancel.title': 'Cancel case {number} · {room}?',
    'confirmCancel.restore': '{licence} will be assigned back to {account} {plans}.',
    'confirmCancel.noChange': 'No licence change.',
    'confirmCancel.stop': 'The scheduled steps stop and the case is closed.',
    'confirmCancel.reporters': 'The people who reported the problem are told.',
    'confirmCancel.warning':
      'Putting the licence back before the repair is over most likely leaves the licence error on the console.',
    'confirmCancel.confirm': 'Yes, cancel the case',
    'confirmEarly.title': 'Reassign the licence of {room} before the window opens?',
    'confirmEarly.assign': '{licence} will be assigned to {account} {plans}.',
    'confirmEarly.restart': 'The console is then restarted and the bot checks that it signs in.',
    'confirmEarly.warning':
      'The window opens at {opensAt} ({left}): reassigning now is likely to leave the licence error in place.',
    'confirmEarly.confirm': 'Reassign now',

    'list.title': 'Open cases ({count})',
    'list.empty': 'No open case.',
    'list.diagnosed': 'Waiting for the helpdesk',
    'list.confirm': 'Reset the console, then confirm the removal',
    'list.confirmUser': 'Confirm the removal',
    'list.approve': 'A second helpdesk member must approve',
    'list.working': 'The bot is working on it',
    'list.opensIn': 'Reassignment in {duration}',
    'list.closesIn': 'Reassign now · {duration} left',
    'list.overdue': 'Reassign now · overdue by {duration}',
    'list.verifyUntil': 'Sign-in checked until {time}',
    'list.restartByHand': 'Restart the console by hand',
    'list.notVerified': 'Check the console, or escalate',
    'list.noSeat': 'Free a seat, or assign another licence',
    'list.failed': 'The last step failed: try again',

    'notice.thread.removed.cycle':
      '**Case {number} · {room}**: {licence} was removed from {account}. It can be reassigned from {opensAt} ({left}); the bot will post here then.',
    'notice.thread.removed.user':
      '**Case {number} · {room}**: {licence} was removed from {account}. The console is restarting and the bot checks that it signs in.',
    'notice.thread.window-open':
      '**Case {number} · {room}**: the wait is over, the licence can be reassigned now.',
    'notice.thread.window-closed':
      '**Case {number} · {room}**: the licence has been off for {duration}, past the planned wait. Reassign it now, wait a few more hours, or escalate to Microsoft Support from the case card.',
    'notice.thread.reassigned':
      '**Case {number} · {room}**: {licence} was assigned to {account}. The console is restarting and the bot checks that it signs in.',
    'notice.thread.resolved': '**Case {number} · {room}**: the console signs in again. Case closed.',
    'notice.thread.resolved.report': '**Case {number} · {room}**: fixed by the helpdesk. Case closed.',
    'notice.thread.not-verified':
      '**Case {number} · {room}**: the console has not signed in. Look at its screen: if it still shows the licence message, escalate to Microsoft Support from the case card.',
    'notice.thread.restart-manual':
      '**Case {number} · {room}**: the console could not be restarted remotely. Someone must **restart it by hand**; the bot keeps checking that it signs in.',
    'notice.thread.no-seat':
      '**Case {number} · {room}**: no {licence} seat is free, so the licence could not be reassigned. Free a seat, or pick another licence on the case card.',
    'notice.thread.cancelled': '**Case {number} · {room}**: case cancelled.',
    'notice.thread.escalated':
      '**Case {number} · {room}**: escalated to Microsoft Support. The escalation pack for the support request is posted in this thread.',
    'notice.thread.approval-needed':
      '**Case {number} · {room}**: {name} asks to remove the licence. A second helpdesk member must approve it on the case card.',
    'notice.thread.action-failed':
      '**Case {number} · {room}**: the last step failed ({reason}). Open the case card to try again or escalate.',

    'notice.reporter.removed.cycle':
      'Your report about {room} (case {number}): the repair has started. The room’s Teams console stays out of service until {opensAt} at the earliest.',
    'notice.reporter.removed.user':
      'Your report about {room} (case {number}): the repair has started. The room’s Teams console is restarting.',
    'notice.reporter.window-open':
      'Your report about {room} (case {number}): the repair is moving on to its last steps.',
    'notice.reporter.window-closed':
      'Your report about {room} (case {number}): the repair is taking longer than planned. The helpdesk is on it.',
    'notice.reporter.reassigned':
      'Your report about {room} (case {number}): the repair is almost done, the console is restarting.',
    'notice.reporter.resolved': 'Your report about {room} (case {number}): the room works again.',
    'notice.reporter.not-verified':
      'Your report about {room} (case {number}): the room does not work yet. The helpdesk is looking into it.',
    'notice.reporter.restart-manual':
      'Your report about {room} (case {number}): the console must be restarted in the room. The helpdesk will take care of it.',
    'notice.reporter.no-seat':
      'Your report about {room} (case {number}): the repair is delayed. The helpdesk is on it.',
    'notice.reporter.cancelled':
      'Your report about {room} (case {number}): the helpdesk stopped the repair. Contact them if the room still does not work.',
    'notice.reporter.escalated':
      'Your report about {room} (case {number}): the helpdesk asked Microsoft Support for help. You will hear from us when the room works again.',
    'notice.reporter.approval-needed':
      'Your report about {room} (case {number}): the helpdesk has planned the repair.',
    'notice.reporter.action-failed':
      'Your report about {room} (case {number}): the repair is delayed by a technical problem. The helpdesk is on it.',
  },
  fr: {
    title: 'Dossier {number} · {room}',

    'state.diagnosed': 'Signalé',
    'state.awaiting-confirmation': 'En attente de confirmation',
    'state.awaiting-approval': 'En attente d’approbation',
    'state.removing': 'Retrait de la licence en cours',
    'state.waiting': 'Attente avant réattribution',
    'state.window-open': 'Prêt pour la réattribution',
    'state.window-overdue': 'Attente dépassée',
    'state.reassigning': 'Réattribution de la licence en cours',
    'state.verifying': 'Vérification de la connexion',
    'state.troubleshooting': 'Vérifications sur site',
    'state.device-operation': 'Commande en cours sur l’appareil',
    'state.checking': 'Vérification du téléphone',
    'state.resolved': 'Résolu',
    'state.escalated': 'Transmis au support Microsoft',
    'state.cancelled': 'Annulé',
    'outcome.no-seat': 'Aucune licence disponible',
    'outcome.not-verified': 'Connexion non confirmée',
    'outcome.restart-failed': 'Redémarrage à faire sur place',
    'outcome.remove-failed': 'Échec du retrait',
    'outcome.reassign-failed': 'Échec de la réattribution',

    'summary.diagnosed': `Le problème a été signalé et diagnostiqué. Rien n’a été modifié${NBSP}: le support décide de la réparation.`,
    'summary.diagnosed.report': `Signalé par un utilisateur. Le bot ne répare pas ce problème lui-même${NBSP}: corrigez-le comme l’indique le diagnostic de ce fil, puis clôturez le dossier${NBSP}; les personnes qui l’ont signalé sont prévenues.`,
    'summary.awaiting-confirmation.cycle': `Rien n’a encore été modifié. Une fois la console réinitialisée et déconnectée, retirez {licence}${NBSP}: le bot a gardé ses paramètres exacts pour la réattribuer après l’attente.`,
    'summary.awaiting-confirmation.user': `Rien n’a encore été modifié. Retirer {licence} du compte de la salle, puis redémarrer la console, lui permet de se connecter avec sa licence Teams Rooms.`,
    'summary.awaiting-approval': `{name} a demandé le retrait de la licence. Un deuxième membre du support doit l’approuver avant toute modification.`,
    'summary.remove-failed': `La licence n’a pas pu être retirée ({reason}). Rien n’a été modifié${NBSP}: réessayez, ou annulez le dossier.`,
    'summary.removing': `Le bot retire {licence} de {account}. Cette carte change une fois le retrait fait.`,
    'summary.waiting': `La licence a été retirée le {removedAt}. Le service doit d’abord oublier les anciennes données de licence de la salle${NBSP}: la réattribution est possible à partir du {opensAt} ({left}). Le bot préviendra dans ce fil le moment venu.`,
    'summary.window-open': `L’attente est terminée${NBSP}: réattribuez {licence} maintenant. Le bot redémarre ensuite la console et vérifie qu’elle se connecte.`,
    'summary.window-overdue': `L’attente prévue s’est terminée le {closesAt}${NBSP}: réattribuez {licence} maintenant, ou transmettez le dossier au support Microsoft. La salle reste hors service d’ici là.`,
    'summary.no-seat': `Aucune licence {licence} n’était disponible pour la réattribution${NBSP}: celle libérée pendant l’attente a peut-être été prise par une autre attribution.`,
    'summary.reassign-failed': `La réattribution de {licence} a échoué ({reason}). Réessayez, ou transmettez le dossier au support Microsoft.`,
    'summary.reassigning': `Le bot attribue {licence} à {account}, puis redémarre la console.`,
    'summary.verifying': `La modification de licence est faite. La console redémarre, et le bot vérifie jusqu’au {deadline} qu’elle se connecte.`,
    'summary.verifying.noDeadline': `La modification de licence est faite. La console redémarre, et le bot vérifie qu’elle se connecte.`,
    'summary.restart-failed': `La console n’a pas pu être redémarrée à distance. Redémarrez-la à la main${NBSP}: le bot continue de vérifier qu’elle se connecte.`,
    'summary.not-verified': `La console ne s’est pas connectée. Regardez son écran${NBSP}: si le message de licence s’affiche toujours, transmettez le dossier au support Microsoft avec le dossier d’escalade.`,
    'summary.resolved': `La console se connecte de nouveau. Dossier clos.`,
    'summary.escalated': `Le dossier a été transmis au support Microsoft et le dossier d’escalade publié dans ce fil. Le bot ne modifie plus rien sur cette salle.`,
    'summary.cancelled': `Le dossier a été annulé. Plus rien ne sera modifié.`,
    'summary.restoring': `{licence} est en cours de réattribution à {account}.`,
    'summary.restored': `{licence} a été réattribuée à {account}.`,
    unknownReason: 'sans motif précisé',

    'fact.account': 'Compte de la salle',
    'fact.licence': 'Licence attribuée',
    'fact.removeLicences': 'Licence à retirer',
    'fact.target': 'Sera attribuée',
    'fact.removedAt': 'Retirée le',
    'fact.opensAt': 'Ouverture de la fenêtre',
    'fact.closesAt': 'Fin de la fenêtre',
    'fact.reassignedAt': 'Réattribuée le',
    'fact.verifyDeadline': 'Connexion vérifiée jusqu’au',
    'fact.approval': 'Approbation demandée par',
    'fact.openedBy': 'Ouvert par',
    'fact.reporters': 'Signalé par',
    'plans.none': 'tous les plans activés',
    'plans.one': '1 plan désactivé',
    'plans.many': '{count} plans désactivés',
    'plans.with.none': 'avec tous ses plans activés',
    'plans.with.one': 'avec son plan désactivé',
    'plans.with.many': 'avec ses {count} plans désactivés',
    groupAssigned: 'attribuée par un groupe',

    'relative.in': 'dans {duration}',
    'relative.openSince': 'ouverte depuis {duration}',
    'relative.overdue': 'dépassée de {duration}',
    'relative.ago': 'il y a {duration}',
    'duration.hoursMinutes': '{hours} h {minutes} min',
    'duration.hours': '{hours} h',
    'duration.minutes': '{minutes} min',
    'duration.underMinute': 'moins d’1 min',

    'checklist.title': 'À faire sur la console',
    'checklist.reset': `Réinitialisez l’application Teams Rooms sur la console et déconnectez-la, avant le retrait de la licence.`,
    'checklist.keepSignedOut': `Laissez la console déconnectée jusqu’à la réattribution de la licence.`,
    'checklist.restart': `Redémarrez la console à la main${NBSP}: éteignez-la, attendez quelques secondes, rallumez-la.`,
    'checklist.watchSignIn': `Vérifiez sur son écran qu’elle se connecte à Teams.`,

    'warning.early': `Réattribuer avant le {opensAt} risque fort de laisser l’erreur de licence en place${NBSP}: le service n’a peut-être pas encore oublié les anciennes données de licence.`,
    'warning.noSeat': `La licence libérée pendant l’attente a peut-être été prise. Libérez une licence {licence} dans le centre d’administration Microsoft 365, puis réattribuez.`,
    'warning.noSeat.pro': `Licences {licence} disponibles${NBSP}: {count}. Vous pouvez l’attribuer à la place.`,

    'history.title': 'Historique',
    'history.bot': 'Le bot',
    'history.request': 'requête {id}',
    'history.failed': 'échec',
    'history.refused': 'refusé',
    'history.opened': 'a ouvert le dossier',
    'history.start': 'a pris le dossier en charge',
    'history.confirm': 'a confirmé le retrait',
    'history.approval-requested': 'a demandé une deuxième approbation',
    'history.approve': 'a approuvé le retrait',
    'history.removed': 'a retiré {licence}',
    'history.remove-failed': 'n’a pas pu retirer {licence}',
    'history.window-opened': 'attente terminée, réattribution possible',
    'history.window-closed': 'attente prévue dépassée',
    'history.reassign': 'a demandé la réattribution de {target}',
    'history.reassignEarly': 'a demandé la réattribution de {target} avant l’ouverture de la fenêtre',
    'history.reassigned': 'a attribué {target}',
    'history.reassign-failed': 'n’a pas pu attribuer {target}',
    'history.restart-started': 'a redémarré la console',
    'history.restart-failed': 'n’a pas pu redémarrer la console',
    'history.verify-result': 'a vérifié la connexion',
    'history.verify-timeout': 'connexion non confirmée à temps',
    'history.extend': 'a prolongé l’attente',
    'history.extendBy': 'a prolongé l’attente de {duration}',
    'history.cancel': 'a annulé le dossier',
    'history.restored': 'a réattribué {licence}',
    'history.escalate': 'a transmis le dossier au support Microsoft',
    'history.reporter-joined': 'a aussi signalé le problème',
    'history.check-passed': 'a indiqué que le problème est réglé',

    'action.start': 'Lancer la réparation de la licence',
    'action.resolve': 'Réglé : clore le dossier',
    'action.confirm': 'Retirer la licence maintenant',
    'action.retryRemove': 'Relancer le retrait',
    'action.approve': 'Approuver le retrait',
    'action.cancel': 'Annuler le dossier',
    'action.reassignEarly': 'Réattribuer quand même maintenant',
    'action.extend': 'Attendre {hours} h de plus',
    'action.reassign': 'Réattribuer {licence}',
    'action.reassignPro': 'Attribuer {licence} à la place',
    'action.escalate': 'Transmettre au support Microsoft',
    'action.refresh': 'Actualiser',
    'action.back': 'Retour au dossier',
    'action.open': 'Ouvrir',
    readOnly: 'Seuls les membres du support peuvent agir sur ce dossier.',

    'confirmCancel.title': `Annuler le dossier {number} · {room}${NBSP}?`,
    'confirmCancel.restore': `{licence} sera réattribuée à {account} {plans}.`,
    'confirmCancel.noChange': `Aucune modification de licence.`,
    'confirmCancel.stop': `Les étapes prévues s’arrêtent et le dossier est clos.`,
    'confirmCancel.reporters': `Les personnes qui ont signalé le problème sont prévenues.`,
    'confirmCancel.warning': `Remettre la licence avant la fin de la réparation laisse très probablement l’erreur de licence sur la console.`,
    'confirmCancel.confirm': 'Oui, annuler le dossier',
    'confirmEarly.title': `Réattribuer la licence de {room} avant l’ouverture de la fenêtre${NBSP}?`,
    'confirmEarly.assign': `{licence} sera attribuée à {account} {plans}.`,
    'confirmEarly.restart': `La console est ensuite redémarrée et le bot vérifie qu’elle se connecte.`,
    'confirmEarly.warning': `La fenêtre s’ouvre le {opensAt} ({left})${NBSP}: réattribuer maintenant risque fort de laisser l’erreur de licence en place.`,
    'confirmEarly.confirm': 'Réattribuer maintenant',

    'list.title': 'Dossiers ouverts ({count})',
    'list.empty': 'Aucun dossier ouvert.',
    'list.diagnosed': 'En attente du support',
    'list.confirm': 'Réinitialiser la console, puis confirmer le retrait',
    'list.confirmUser': 'Confirmer le retrait',
    'list.approve': 'Un deuxième membre du support doit approuver',
    'list.working': 'Le bot s’en occupe',
    'list.opensIn': 'Réattribution dans {duration}',
    'list.closesIn': 'À réattribuer · encore {duration}',
    'list.overdue': 'À réattribuer · en retard de {duration}',
    'list.verifyUntil': 'Connexion vérifiée jusqu’au {time}',
    'list.restartByHand': 'Redémarrer la console à la main',
    'list.notVerified': 'Vérifier la console, ou transmettre à Microsoft',
    'list.noSeat': 'Libérer une licence, ou en attribuer une autre',
    'list.failed': `La dernière étape a échoué${NBSP}: réessayer`,

    'notice.thread.removed.cycle': `**Dossier {number} · {room}**${NBSP}: {licence} a été retirée de {account}. La réattribution est possible à partir du {opensAt} ({left})${NBSP}; le bot préviendra ici.`,
    'notice.thread.removed.user': `**Dossier {number} · {room}**${NBSP}: {licence} a été retirée de {account}. La console redémarre et le bot vérifie qu’elle se connecte.`,
    'notice.thread.window-open': `**Dossier {number} · {room}**${NBSP}: l’attente est terminée, la licence peut être réattribuée maintenant.`,
    'notice.thread.window-closed': `**Dossier {number} · {room}**${NBSP}: la licence est retirée depuis {duration}, au-delà de l’attente prévue. Réattribuez-la maintenant, attendez encore quelques heures, ou transmettez le dossier au support Microsoft depuis la carte du dossier.`,
    'notice.thread.reassigned': `**Dossier {number} · {room}**${NBSP}: {licence} a été attribuée à {account}. La console redémarre et le bot vérifie qu’elle se connecte.`,
    'notice.thread.resolved': `**Dossier {number} · {room}**${NBSP}: la console se connecte de nouveau. Dossier clos.`,
    'notice.thread.resolved.report': `**Dossier {number} · {room}**${NBSP}: réparé par le support. Dossier clos.`,
    'notice.thread.not-verified': `**Dossier {number} · {room}**${NBSP}: la console ne s’est pas connectée. Regardez son écran${NBSP}: si le message de licence s’affiche toujours, transmettez le dossier au support Microsoft depuis la carte du dossier.`,
    'notice.thread.restart-manual': `**Dossier {number} · {room}**${NBSP}: la console n’a pas pu être redémarrée à distance. Quelqu’un doit **la redémarrer à la main**${NBSP}; le bot continue de vérifier qu’elle se connecte.`,
    'notice.thread.no-seat': `**Dossier {number} · {room}**${NBSP}: aucune licence {licence} n’est disponible, la réattribution a échoué. Libérez une licence, ou choisissez-en une autre sur la carte du dossier.`,
    'notice.thread.cancelled': `**Dossier {number} · {room}**${NBSP}: dossier annulé.`,
    'notice.thread.escalated': `**Dossier {number} · {room}**${NBSP}: transmis au support Microsoft. Le dossier d’escalade pour la demande de support est publié dans ce fil.`,
    'notice.thread.approval-needed': `**Dossier {number} · {room}**${NBSP}: {name} demande le retrait de la licence. Un deuxième membre du support doit l’approuver sur la carte du dossier.`,
    'notice.thread.action-failed': `**Dossier {number} · {room}**${NBSP}: la dernière étape a échoué ({reason}). Ouvrez la carte du dossier pour réessayer ou transmettre à Microsoft.`,

    'notice.reporter.removed.cycle': `Votre signalement concernant {room} (dossier {number})${NBSP}: la réparation a commencé. La console Teams de la salle reste hors service jusqu’au {opensAt} au plus tôt.`,
    'notice.reporter.removed.user': `Votre signalement concernant {room} (dossier {number})${NBSP}: la réparation a commencé. La console Teams de la salle redémarre.`,
    'notice.reporter.window-open': `Votre signalement concernant {room} (dossier {number})${NBSP}: la réparation passe à ses dernières étapes.`,
    'notice.reporter.window-closed': `Votre signalement concernant {room} (dossier {number})${NBSP}: la réparation prend plus de temps que prévu. Le support s’en occupe.`,
    'notice.reporter.reassigned': `Votre signalement concernant {room} (dossier {number})${NBSP}: la réparation est presque terminée, la console redémarre.`,
    'notice.reporter.resolved': `Votre signalement concernant {room} (dossier {number})${NBSP}: la salle fonctionne de nouveau.`,
    'notice.reporter.not-verified': `Votre signalement concernant {room} (dossier {number})${NBSP}: la salle ne fonctionne pas encore. Le support cherche la cause.`,
    'notice.reporter.restart-manual': `Votre signalement concernant {room} (dossier {number})${NBSP}: la console doit être redémarrée dans la salle. Le support s’en charge.`,
    'notice.reporter.no-seat': `Votre signalement concernant {room} (dossier {number})${NBSP}: la réparation prend du retard. Le support s’en occupe.`,
    'notice.reporter.cancelled': `Votre signalement concernant {room} (dossier {number})${NBSP}: le support a arrêté la réparation. Contactez-le si la salle ne fonctionne toujours pas.`,
    'notice.reporter.escalated': `Votre signalement concernant {room} (dossier {number})${NBSP}: le support a demandé l’aide du support Microsoft. Vous serez prévenu quand la salle fonctionnera de nouveau.`,
    'notice.reporter.approval-needed': `Votre signalement concernant {room} (dossier {number})${NBSP}: le support a planifié la réparation.`,
    'notice.reporter.action-failed': `Votre signalement concernant {room} (dossier {number})${NBSP}: un problème technique retarde la réparation. Le support s’en occupe.`,
  },
};

/** Looks up a case text: `caseText(locale, key, params?)`. */
export const caseText = defineTexts(CASE_TEXTS);

/** The keys of {@link CASE_TEXTS}. */
export type CaseTextKey = keyof typeof CASE_TEXTS.en;

const MINUTE_MS = 60_000;

/**
 * A duration as people read it on a card: "7 h 12 min", "2 h", "45 min", "less than 1 min". Minutes are
 * rounded down, or up with `roundUp` (for time left: "in 1 min" rather than "in less than 1 min" at 30 s).
 */
export function formatDuration(ms: number, locale: Locale, roundUp = false): string {
  const totalMinutes = Math.max(0, roundUp ? Math.ceil(ms / MINUTE_MS) : Math.floor(ms / MINUTE_MS));
  if (totalMinutes === 0) return caseText(locale, 'duration.underMinute');
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return caseText(locale, 'duration.minutes', { minutes });
  if (minutes === 0) return caseText(locale, 'duration.hours', { hours });
  return caseText(locale, 'duration.hoursMinutes', { hours, minutes });
}
