import { defineTexts } from '../i18n';

/** Every sentence of the room diagnosis card, in English and French. */
export const roomTextCatalog = {
  en: {
    // Verdicts
    'verdict.account-not-found.headline': 'No account found for this room',
    'verdict.account-not-found.summary':
      "No user in the directory has the room's address {email}, so the console has no account to sign in with. Sort out the room's resource account before anything else.",
    'verdict.account-disabled.headline': 'The room account is disabled',
    'verdict.account-disabled.summary':
      '{upn} is disabled in Entra ID, so the console cannot sign in. The licence is not the cause: do not remove or reassign it. Find out why the account was disabled, and enable it again if that was a mistake.',
    'verdict.user-licence-on-room.headline': 'A user licence is assigned to the room account',
    'verdict.user-licence-on-room.summary':
      '{upn} holds {licences}, a user licence. Since {since}, Microsoft blocks Teams Rooms consoles signed in with user licences. Remove it and keep the Teams Rooms licence only.',
    'verdict.user-licence-on-room.summaryNoRoomLicence':
      '{upn} holds {licences}, a user licence, and no Teams Rooms licence. Since {since}, Microsoft blocks Teams Rooms consoles signed in with user licences. Assign Teams Rooms Basic or Pro, then remove the user licence.',
    'verdict.no-room-licence.headline': 'The room account has no Teams Rooms licence',
    'verdict.no-room-licence.summary':
      '{upn} holds no Teams Rooms Basic or Pro licence, so the console cannot sign in to Teams. Assign one.',
    'verdict.licence-not-provisioned.headline': 'The Teams Rooms licence is not ready',
    'verdict.licence-not-provisioned.summary':
      '{upn} holds {licence}, but it is not usable yet: {details}. The console cannot sign in until this is resolved.',
    'verdict.licence-bug.headline': 'Matches the Teams Rooms {version} licence bug',
    'verdict.licence-bug.summary':
      'The console runs Teams Rooms {version} and cannot sign in to Teams, although {upn} holds {licence}, {provisioning}. This is the known licence bug of that build. The fix: remove the licence, wait {wait} so the service drops the room’s provisioning data, then assign the same licence again and restart the console.',
    'verdict.licence-bug.group':
      'The licence comes from group {group}: take the room out of the group and put it back, rather than removing the licence from the account.',
    'verdict.licence-bug.usageLocation':
      'The usage location is not set: set it first, or the licence cannot be assigned again.',
    'verdict.licence-bug.noSeat':
      'No {licence} seat is free: the seat freed during the wait could be taken by another assignment.',
    'verdict.sign-in-failing-unknown.headline': 'Sign-in fails, cause unknown',
    'verdict.sign-in-failing-unknown.summary':
      'The console cannot sign in to Teams, yet the account is enabled and its licence is in place. {build} Work through the steps below, from the lightest to the heaviest.',
    'verdict.sign-in-failing-unknown.buildUnknown': 'Its app version {version} is not a known bad build.',
    'verdict.sign-in-failing-unknown.buildGood': 'Its app version {version} is a known good build.',
    'verdict.sign-in-failing-unknown.buildMissing': 'The console did not report its app version.',
    'verdict.deprecated-sku.headline': 'The room uses a retired licence',
    'verdict.deprecated-sku.summary':
      '{licence} is a legacy licence that Microsoft no longer sells. The room works today, but move it to Teams Rooms Pro, or to Teams Rooms Basic (free, up to {cap} rooms per tenant), before the subscription ends.',
    'verdict.no-device-data.headline': 'Account and licence are fine, but the console could not be checked',
    'verdict.no-device-data.not-registered':
      '{upn} is enabled and holds {licence}, but no Teams device is registered with this account, so the app version and sign-in state are unknown.',
    'verdict.no-device-data.unavailable':
      '{upn} is enabled and holds {licence}, but the Teams device data could not be read, so the app version and sign-in state are unknown.',
    'verdict.no-device-data.no-sign-in-state':
      '{upn} is enabled and holds {licence}, but the console did not report whether it is signed in to Teams.',
    'verdict.healthy-with-warnings.headline': 'The room works, with points to fix',
    'verdict.healthy-with-warnings.summary':
      'The console is signed in to Teams and the licence is in place, but some points need attention: see the evidence and the plan below.',
    'verdict.healthy.headline': 'Nothing wrong found',
    'verdict.healthy.summary':
      '{upn} is enabled, holds {licence}, and the console is signed in to Teams. No action is needed.',

    // Evidence labels
    'label.account': 'Room account',
    'label.licence': 'Licence',
    'label.licences': 'Licences',
    'label.provisioning': 'Licence provisioning',
    'label.assignmentError': 'Licence assignment',
    'label.userLicence': 'User licence on a room account',
    'label.otherLicence': 'Licence not meant for rooms',
    'label.group': 'Assigned by group',
    'label.deprecated': 'Retired licence',
    'label.usageLocation': 'Usage location',
    'label.freeSeats': 'Free {licence} seats',
    'label.app': 'Teams Rooms app',
    'label.signIn': 'Sign-in to Teams',
    'label.health': 'Device health',
    'label.entra': 'Entra device',

    // Evidence values
    'value.accountEnabled': '{upn}, enabled',
    'value.accountDisabled': '{upn}, disabled: it cannot sign in',
    'value.accountUnknown': '{upn}, enabled state not reported',
    'value.accountMissing': 'No user has the address {email}',
    'value.roomLicence': '{licence}, {assignment}, {provisioning}',
    'value.assignment.direct': 'assigned directly',
    'value.assignment.group': 'assigned through group {group}',
    'value.assignment.direct-and-group': 'assigned directly and through group {group}',
    'value.assignment.unknown': 'assignment not reported',
    'value.provisioning.ready': 'provisioned',
    'value.provisioning.not-ready': 'not fully provisioned',
    'value.provisioning.unknown': 'provisioning not checked',
    'value.multipleRoomLicences': 'Several Teams Rooms licences on one account: {licences}. One is enough.',
    'value.noRoomLicence': 'No Teams Rooms licence',
    'value.licencesUnknown': 'Could not be read',
    'value.notProvisioned': 'Not ready: {plans}',
    'value.assignmentError': 'Error {error} on {licence}',
    'value.userLicence': '{licence}: not allowed on a room account since {since}',
    'value.userLicenceGroup': '{licence}, through group {group}: not allowed on a room account since {since}',
    'value.notForRooms': '{licence}: not a Teams Rooms licence',
    'value.group':
      '{group}: to remove the licence, take the room out of the group; it cannot be removed from the account directly',
    'value.deprecated': '{licence}: no longer sold; move to Teams Rooms Basic or Pro',
    'value.usageLocation': '{usageLocation}',
    'value.usageLocationMissing': 'Not set: licence assignments fail until it is set',
    'value.freeSeats': '{free} ({consumed} of {enabled} in use)',
    'value.noFreeSeat':
      'None ({consumed} of {enabled} in use): the seat freed by removing the licence could be taken during the wait',
    'value.noFreeSeatBasic':
      'None ({consumed} of {enabled} in use; Basic is capped at {cap} rooms per tenant): the seat freed by removing the licence could be taken during the wait',
    'value.noFreeSeatNow': 'None ({consumed} of {enabled} in use)',
    'value.noFreeSeatNowBasic':
      'None ({consumed} of {enabled} in use; Basic is capped at {cap} rooms per tenant)',
    'value.alternativeSeats': '{free}',
    'value.appBad': '{version} — known bad build ({symptom}). {note}',
    'value.appGood': '{version} — known good build',
    'value.appUnknown': '{version} — not in the list of known builds',
    'value.appMissing': 'Version not reported',
    'value.signInOk': 'signed in',
    'value.signInFailing': 'failing',
    'value.signInUnknown': 'not reported',
    'value.entra': '{name}: {state}, {trust}',
    'value.entraEnabled': 'enabled',
    'value.entraDisabled': 'disabled',
    'value.entraNotFound': 'No device object found for the console',
    'symptom.licence-error-at-sign-in': 'licence error at sign-in',
    'symptom.none': 'no known issue',
    'trust.AzureAd': 'Microsoft Entra joined',
    'trust.ServerAd': 'Microsoft Entra hybrid joined',
    'trust.Workplace': 'Microsoft Entra registered',
    'trust.unknown': 'join type not reported',
    'health.healthy': 'Healthy',
    'health.nonUrgent': 'Non-urgent issues',
    'health.critical': 'Critical',
    'health.offline': 'Offline',
    'health.unknown': 'Unknown',
    'category.shared-device': 'a licence for shared devices such as common-area phones',

    // Plan
    'plan.fallbackPrefix': 'If it still fails: {title}',
    'plan.find-resource-account.title': "Look for the room's account",
    'plan.find-resource-account.detail':
      "Search the directory for {email}. The room's email address must be the resource account that signs in on the console: it may have been deleted or renamed.",
    'plan.check-room-mailbox.title': "Repair the room's resource account",
    'plan.check-room-mailbox.detail':
      'A deleted account can be restored from the deleted users for 30 days; otherwise recreate it. If the room points to the wrong address, correct the room instead.',
    'plan.find-why-disabled.title': 'Find out why the account was disabled',
    'plan.find-why-disabled.detail':
      'Check the Entra audit log for who disabled {upn} and when: a clean-up script or a security response may have done it on purpose.',
    'plan.enable-account.title': 'Enable the account again',
    'plan.enable-account.detail': 'Once you know it is safe, enable {upn}. Leave its licence as it is.',
    'plan.set-usage-location.title': 'Set the usage location first',
    'plan.set-usage-location.detail':
      '{upn} has no usage location, and Microsoft refuses licence assignments without one. Set it to the country where the room is.',
    'plan.set-usage-location.detailCountry':
      "{upn} has no usage location, and Microsoft refuses licence assignments without one. Set it to the country where the room is (the tenant's country is {country}).",
    'plan.check-free-seats.title': 'Check the free seats',
    'plan.check-free-seats.detail': 'Before changing anything, see how many seats are free for {licences}.',
    'plan.hold-freed-seat.title': 'Protect the seat during the wait',
    'plan.hold-freed-seat.detail':
      'No {licence} seat is free: the one freed by the removal could be taken by another assignment (a person or a group) during the wait, and the reassignment would then fail. Warn the other licence admins, or be ready to assign {alternative} instead ({free} free).',
    'plan.hold-freed-seat.detailNoAlternative':
      'No {licence} seat is free: the one freed by the removal could be taken by another assignment (a person or a group) during the wait, and the reassignment would then fail. Warn the other licence admins, or buy one more seat before you start.',
    'plan.record-licence.title': 'Write down the licence as it is',
    'plan.record-licence.detail':
      'Note the exact licence, {licence}, and its disabled plans ({plans}): the reassignment must restore the same settings.',
    'plan.record-licence.noPlans': 'none',
    'plan.reset-console-app.title': 'Reset the Teams Rooms app on the console',
    'plan.reset-console-app.detail':
      'On the console{device}, sign the room account out from the Teams Rooms admin settings, or reset the app, so it stops retrying with the stale licence state.',
    'plan.remove-licence.title': 'Remove the licence',
    'plan.remove-licence.detail':
      'Remove {licence} from {upn}. The console stays unable to sign in until the licence is back.',
    'plan.remove-from-licence-group.title': 'Take the room out of group {group}',
    'plan.remove-from-licence-group.detail':
      'The licence comes from group {group}, so it cannot be removed from the account directly. Remove {upn} from the group; if the group has dynamic membership, change its rule to leave the room out.',
    'plan.wait-for-purge.title': 'Wait {range}',
    'plan.wait-for-purge.detail':
      'Leave the licence off for at least {min} so the service purges the room’s provisioning data: reassigning earlier leaves the console broken. If {max} have passed, reassign anyway.',
    'plan.reassign-licence.title': 'Assign the same licence again',
    'plan.reassign-licence.detail':
      'Assign {licence} to {upn} again, with the same disabled plans ({plans}).',
    'plan.reassign-alternative.title': 'Or assign {licence} instead',
    'plan.reassign-alternative.detailSeat':
      'If {fromLicence} cannot be assigned again because its seat was taken, assign {licence} instead: {free} seats are free.',
    'plan.reassign-alternative.detailDeprecated':
      '{fromLicence} is a retired licence: this is the moment to assign {licence} instead ({free} seats free).',
    'plan.add-to-licence-group.title': 'Put the room back in group {group}',
    'plan.add-to-licence-group.detail':
      'Add {upn} back to group {group}; the group assigns the licence again with its own settings.',
    'plan.remove-user-licence.title': 'Remove {licence} from the room account',
    'plan.remove-user-licence.detail':
      'A room account must hold a Teams Rooms licence only. Remove {licence} from {upn}.',
    'plan.remove-user-licence.detailGroup':
      '{licence} comes from group {group}: remove {upn} from that group, or change the group so it leaves room accounts out.',
    'plan.assign-room-licence.title': 'Assign {licence}',
    'plan.assign-room-licence.detail': 'Assign {licence} to {upn}: {free} seats are free.',
    'plan.assign-room-licence.detailNoSeat':
      'No Teams Rooms seat is free: buy {licence} (or free a Teams Rooms Basic seat; Basic is free for up to {cap} rooms per tenant), then assign it to {upn}.',
    'plan.replace-legacy-licence.title': 'Replace {fromLicence} with {licence}',
    'plan.replace-legacy-licence.detail':
      'Swap both licences in one operation so the console is never left without one: add {licence} to {upn} and remove {fromLicence}. {free} seats are free.',
    'plan.replace-legacy-licence.detailNoSeat':
      'Buy {licence} first: no seat is free. Then swap both licences in one operation so the console is never left without one.',
    'plan.replace-legacy-licence.detailGroup':
      'The licence comes from a group: change the group’s licence from {fromLicence} to {licence}.',
    'plan.check-licence-details.title': "Check the licence's service plans",
    'plan.check-licence-details.detail':
      'List the service plans of {licence} on {upn} and note those neither in Success nor Disabled.',
    'plan.fix-assignment-error.title': 'Fix the assignment error {error}',
    'plan.fix-assignment-error.CountViolation':
      'No seat is free for {licence}: free one or buy more, then assign it again.',
    'plan.fix-assignment-error.MutuallyExclusiveViolation':
      '{licence} conflicts with another licence on the account: remove the conflicting licence.',
    'plan.fix-assignment-error.DependencyViolation':
      'A service plan of {licence} depends on another plan that is off: turn that plan on, or turn the dependent plan off.',
    'plan.fix-assignment-error.ProhibitedInUsageLocationViolation':
      '{licence} is not sold in the usage location of {upn}: correct the usage location.',
    'plan.fix-assignment-error.UniquenessViolation':
      'Microsoft reports a uniqueness conflict for {licence}: check the licences page of {upn} in the Microsoft 365 admin center.',
    'plan.fix-assignment-error.other':
      'Microsoft reports {error} for {licence}: check the licences page of {upn} in the Microsoft 365 admin center.',
    'plan.reprocess-licence.title': 'Apply the group licences again',
    'plan.reprocess-licence.detail':
      'Once the cause is fixed, ask Entra ID to reprocess the group licences of {upn}.',
    'plan.wait-for-provisioning.title': 'Give provisioning time',
    'plan.wait-for-provisioning.detail':
      'Provisioning normally completes on its own. Check again in a few hours; if plans are still pending after 24 hours, remove and reassign the licence or contact Microsoft Support.',
    'plan.restart-console.title': 'Restart the console',
    'plan.restart-console.detail': 'Restart {device} so it signs in again with the current licence.',
    'plan.restart-console.detailOnSite':
      'Restart the console on site so it signs in again with the current licence.',
    'plan.verify-sign-in.title': 'Check that the console signs in',
    'plan.verify-sign-in.detail':
      "The console should show the room's calendar and join a test meeting, and Teams sign-in should be reported as connected.",
    'plan.rediagnose.title': 'Run the diagnosis again',
    'plan.rediagnose.detail':
      'Ask me to check the room again. If the console still fails on a known bad build, it may then match the licence bug, which needs the remove, wait and reassign cycle.',
    'plan.check-console-screen.title': 'Read the message on the console',
    'plan.check-console-screen.detail':
      'Note the exact message on the screen of {device}. If it says the account doesn’t have the correct license to use this device, the licence cycle in the next step is the likely fix.',
    'plan.try-licence-cycle.title': 'If it is the licence message: run the licence cycle',
    'plan.try-licence-cycle.detail':
      'Remove the Teams Rooms licence, wait 8 to 24 hours, assign the same licence again and restart: this clears the licence error on builds not yet known as bad. Report the build so it can be added to the known bad builds.',
    'plan.check-entra-device.title': "Check the console's Entra device object",
    'plan.check-entra-device.detail':
      'Find {name} in Entra ID: it must exist and be enabled, with the join type the console was deployed with. A missing or disabled device object blocks sign-in under device-based Conditional Access.',
    'plan.check-entra-device.detailNoName':
      "Find the console's device object in Entra ID: it must exist and be enabled, with the join type the console was deployed with. A missing or disabled device object blocks sign-in under device-based Conditional Access.",
    'plan.enable-entra-device.title': 'Enable the Entra device {name}',
    'plan.enable-entra-device.detail':
      "The console's device object is disabled in Entra ID, which blocks sign-in under device-based Conditional Access. Enable it unless someone disabled it on purpose.",
    'plan.clear-token-cache.title': 'Clear the cached sign-in tokens',
    'plan.clear-token-cache.detail':
      "On the console, sign the room account out, clear the Teams Rooms app's cached credentials, and sign in again with the room account.",
    'plan.update-app.title': 'Update the Teams Rooms app to {goodVersion}',
    'plan.update-app.detail':
      '{version} is a known bad build and {goodVersion} is not affected. Update the console as soon as that build is offered to its update ring.',
    'plan.reinstall-app.title': 'Reinstall the Teams Rooms app',
    'plan.reinstall-app.detail':
      "Uninstall and reinstall the Teams Rooms app with the console maker's tools, then sign in with the room account.",
    'plan.reimage-console.title': 'Re-image the console',
    'plan.reimage-console.detail':
      "Restore the console to its factory image with the maker's recovery media and set it up again. Keep this for when nothing else has worked.",
    'plan.escalate-to-microsoft.title': 'Escalate to Microsoft Support',
    'plan.escalate-to-microsoft.detail':
      "Collect the console's logs and open a case with Microsoft Support, giving the room account, the app version and the steps already tried.",
    'plan.check-device-health.title': 'Look at the device health',
    'plan.check-device-health.detail':
      'The device reports “{status}”. Open it in the Teams admin center to see which part is unhealthy.',
    'plan.find-teams-device.title': 'Find the console in the Teams devices',
    'plan.find-teams-device.not-registered':
      'No Teams device is registered with the room account. Check in the Teams admin center whether the console is listed under another account, or has never been set up.',
    'plan.find-teams-device.not-found':
      'No Teams device is registered with the room account. Check in the Teams admin center whether the console is listed under another account, or has never been set up.',
    'plan.find-teams-device.unavailable':
      'The Teams devices service did not answer. Look the console up in the Teams admin center instead.',
    'plan.find-teams-device.throttled':
      'Microsoft Graph asked the bot to slow down. Look the console up in the Teams admin center, or try again in a few minutes.',
    'plan.find-teams-device.forbidden':
      'The bot lacks the TeamworkDevice.Read.All permission to read Teams devices: grant it, or look the console up in the Teams admin center.',
    'plan.check-console-on-site.title': 'Have someone look at the console',
    'plan.check-console-on-site.detail':
      'Ask someone in the room whether the console is on, connected to the network, and which account it shows.',
    'plan.retry-later.title': 'Check again later',
    'plan.retry-later.detail': 'Run the diagnosis again in a few minutes: the device data may be back.',

    // Missing evidence
    'missing.teams-device': 'The Teams device data (app version, sign-in state)',
    'missing.entra-device': "The console's Entra device object",
    'missing.licence-details': "The licence details (service plans' provisioning)",
    'missing.subscribed-skus': "The tenant's licence counts (free seats)",
    'missing.reason.unavailable': 'the service did not answer',
    'missing.reason.forbidden': 'the bot lacks the permission',
    'missing.reason.throttled': 'Microsoft Graph asked the bot to slow down',
    'missing.reason.not-registered': 'none is registered',
    'missing.reason.not-found': 'not found',
    'missing.sentence': '{what} could not be read ({reason}); the diagnosis went on without it.',
    'missing.noTeamsDevice':
      'No Teams device is registered with this room account: the app version and sign-in state are unknown, and the diagnosis went on without them.',
    'missing.requestId': 'Request id: {requestId}.',

    // Formats
    'format.location': '{building}, floor {floor}',
    'format.floor': 'Floor {floor}',
    'format.list': '{head} and {last}',
    'format.hours': '{n} hours',
    'format.hour': '1 hour',
    'format.minutes': '{n} minutes',
    'format.minute': '1 minute',
    'format.rangeHours': '{min} to {max} hours',
    'format.rangeMinutes': '{min} to {max} minutes',
    'format.range': '{min} to {max}',
    'format.unknownDevice': 'the console',
    'format.someGroup': 'a group',
    'detail.plansNotReady': 'service plans not ready: {plans}',
    'detail.assignmentError': 'assignment error {error}',
  },
  fr: {
    'verdict.account-not-found.headline': 'Aucun compte trouvé pour cette salle',
    'verdict.account-not-found.summary':
      "Aucun utilisateur de l'annuaire n'a l'adresse de la salle {email} : la console n'a aucun compte avec lequel se connecter. Réglez d'abord la question du compte de ressource de la salle.",
    'verdict.account-disabled.headline': 'Le compte de la salle est désactivé',
    'verdict.account-disabled.summary':
      "{upn} est désactivé dans Entra ID : la console ne peut pas se connecter. La licence n'est pas en cause : ne la retirez pas et ne la réattribuez pas. Cherchez pourquoi le compte a été désactivé, et réactivez-le si c'était une erreur.",
    'verdict.user-licence-on-room.headline': 'Une licence utilisateur est attribuée au compte de la salle',
    'verdict.user-licence-on-room.summary':
      '{upn} dispose de {licences}, une licence utilisateur. Depuis {since}, Microsoft bloque les consoles Teams Rooms connectées avec une licence utilisateur. Retirez-la et ne gardez que la licence Teams Rooms.',
    'verdict.user-licence-on-room.summaryNoRoomLicence':
      "{upn} dispose de {licences}, une licence utilisateur, et d'aucune licence Teams Rooms. Depuis {since}, Microsoft bloque les consoles Teams Rooms connectées avec une licence utilisateur. Attribuez Teams Rooms Basic ou Pro, puis retirez la licence utilisateur.",
    'verdict.no-room-licence.headline': "Le compte de la salle n'a pas de licence Teams Rooms",
    'verdict.no-room-licence.summary':
      "{upn} n'a ni licence Teams Rooms Basic ni licence Teams Rooms Pro : la console ne peut pas se connecter à Teams. Attribuez-lui une licence.",
    'verdict.licence-not-provisioned.headline': "La licence Teams Rooms n'est pas prête",
    'verdict.licence-not-provisioned.summary':
      "{upn} dispose de {licence}, mais elle n'est pas encore utilisable : {details}. La console ne pourra pas se connecter tant que ce n'est pas réglé.",
    'verdict.licence-bug.headline': 'Correspond au bug de licence de Teams Rooms {version}',
    'verdict.licence-bug.summary':
      "La console tourne sous Teams Rooms {version} et ne parvient pas à se connecter à Teams, alors que {upn} dispose de {licence}, {provisioning}. C'est le bug de licence connu de cette version. La solution : retirer la licence, attendre {wait} que le service purge les données de provisionnement de la salle, puis réattribuer la même licence et redémarrer la console.",
    'verdict.licence-bug.group':
      'La licence vient du groupe {group} : sortez la salle du groupe puis remettez-la, plutôt que de retirer la licence du compte.',
    'verdict.licence-bug.usageLocation':
      "L'emplacement d'utilisation n'est pas renseigné : renseignez-le d'abord, sinon la licence ne pourra pas être réattribuée.",
    'verdict.licence-bug.noSeat':
      "Aucune licence {licence} n'est disponible : celle libérée pendant l'attente pourrait être prise par une autre attribution.",
    'verdict.sign-in-failing-unknown.headline': 'La connexion échoue, cause inconnue',
    'verdict.sign-in-failing-unknown.summary':
      'La console ne parvient pas à se connecter à Teams, alors que le compte est activé et que sa licence est en place. {build} Suivez les étapes ci-dessous, de la plus légère à la plus lourde.',
    'verdict.sign-in-failing-unknown.buildUnknown':
      "Sa version d'application {version} ne fait pas partie des versions défectueuses connues.",
    'verdict.sign-in-failing-unknown.buildGood':
      "Sa version d'application {version} est une version saine connue.",
    'verdict.sign-in-failing-unknown.buildMissing': "La console n'a pas indiqué sa version d'application.",
    'verdict.deprecated-sku.headline': 'La salle utilise une licence retirée de la vente',
    'verdict.deprecated-sku.summary':
      "{licence} est une ancienne licence que Microsoft ne vend plus. La salle fonctionne aujourd'hui, mais passez-la à Teams Rooms Pro, ou à Teams Rooms Basic (gratuite, jusqu'à {cap} salles par locataire), avant la fin de l'abonnement.",
    'verdict.no-device-data.headline': "Compte et licence corrects, mais la console n'a pas pu être vérifiée",
    'verdict.no-device-data.not-registered':
      "{upn} est activé et dispose de {licence}, mais aucun appareil Teams n'est inscrit avec ce compte : la version de l'application et l'état de connexion sont inconnus.",
    'verdict.no-device-data.unavailable':
      "{upn} est activé et dispose de {licence}, mais les données de l'appareil Teams n'ont pas pu être lues : la version de l'application et l'état de connexion sont inconnus.",
    'verdict.no-device-data.no-sign-in-state':
      "{upn} est activé et dispose de {licence}, mais la console n'a pas indiqué si elle est connectée à Teams.",
    'verdict.healthy-with-warnings.headline': 'La salle fonctionne, avec des points à corriger',
    'verdict.healthy-with-warnings.summary':
      'La console est connectée à Teams et la licence est en place, mais certains points demandent votre attention : voir les constats et le plan ci-dessous.',
    'verdict.healthy.headline': 'Aucun problème trouvé',
    'verdict.healthy.summary':
      "{upn} est activé, dispose de {licence}, et la console est connectée à Teams. Aucune action n'est nécessaire.",

    'label.account': 'Compte de la salle',
    'label.licence': 'Licence',
    'label.licences': 'Licences',
    'label.provisioning': 'Provisionnement de la licence',
    'label.assignmentError': 'Attribution de la licence',
    'label.userLicence': 'Licence utilisateur sur un compte de salle',
    'label.otherLicence': 'Licence non prévue pour les salles',
    'label.group': 'Attribuée par le groupe',
    'label.deprecated': 'Licence retirée de la vente',
    'label.usageLocation': "Emplacement d'utilisation",
    'label.freeSeats': 'Licences {licence} disponibles',
    'label.app': 'Application Teams Rooms',
    'label.signIn': 'Connexion à Teams',
    'label.health': "État de l'appareil",
    'label.entra': 'Appareil Entra',

    'value.accountEnabled': '{upn}, activé',
    'value.accountDisabled': '{upn}, désactivé : il ne peut pas se connecter',
    'value.accountUnknown': '{upn}, état activé non indiqué',
    'value.accountMissing': "Aucun utilisateur n'a l'adresse {email}",
    'value.roomLicence': '{licence}, {assignment}, {provisioning}',
    'value.assignment.direct': 'attribuée directement',
    'value.assignment.group': 'attribuée par le groupe {group}',
    'value.assignment.direct-and-group': 'attribuée directement et par le groupe {group}',
    'value.assignment.unknown': 'mode d’attribution non indiqué',
    'value.provisioning.ready': 'provisionnée',
    'value.provisioning.not-ready': 'pas entièrement provisionnée',
    'value.provisioning.unknown': 'provisionnement non vérifié',
    'value.multipleRoomLicences':
      'Plusieurs licences Teams Rooms sur un même compte : {licences}. Une seule suffit.',
    'value.noRoomLicence': 'Aucune licence Teams Rooms',
    'value.licencesUnknown': "N'ont pas pu être lues",
    'value.notProvisioned': 'Pas prêts : {plans}',
    'value.assignmentError': 'Erreur {error} sur {licence}',
    'value.userLicence': '{licence} : interdite sur un compte de salle depuis {since}',
    'value.userLicenceGroup':
      '{licence}, par le groupe {group} : interdite sur un compte de salle depuis {since}',
    'value.notForRooms': "{licence} : ce n'est pas une licence Teams Rooms",
    'value.group':
      '{group} : pour retirer la licence, sortez la salle du groupe ; elle ne peut pas être retirée directement du compte',
    'value.deprecated': '{licence} : plus vendue ; passez à Teams Rooms Basic ou Pro',
    'value.usageLocation': '{usageLocation}',
    'value.usageLocationMissing':
      "Non renseigné : les attributions de licence échouent tant qu'il ne l'est pas",
    'value.freeSeats': '{free} ({consumed} sur {enabled} utilisées)',
    'value.noFreeSeat':
      "Aucune ({consumed} sur {enabled} utilisées) : la licence libérée par le retrait pourrait être prise pendant l'attente",
    'value.noFreeSeatBasic':
      "Aucune ({consumed} sur {enabled} utilisées ; Basic est limitée à {cap} salles par locataire) : la licence libérée par le retrait pourrait être prise pendant l'attente",
    'value.noFreeSeatNow': 'Aucune ({consumed} sur {enabled} utilisées)',
    'value.noFreeSeatNowBasic':
      'Aucune ({consumed} sur {enabled} utilisées ; Basic est limitée à {cap} salles par locataire)',
    'value.alternativeSeats': '{free}',
    'value.appBad': '{version} — version défectueuse connue ({symptom}). {note}',
    'value.appGood': '{version} — version saine connue',
    'value.appUnknown': '{version} — absente de la liste des versions connues',
    'value.appMissing': 'Version non indiquée',
    'value.signInOk': 'connectée',
    'value.signInFailing': 'en échec',
    'value.signInUnknown': 'non indiquée',
    'value.entra': '{name} : {state}, {trust}',
    'value.entraEnabled': 'activé',
    'value.entraDisabled': 'désactivé',
    'value.entraNotFound': 'Aucun objet appareil trouvé pour la console',
    'symptom.licence-error-at-sign-in': 'erreur de licence à la connexion',
    'symptom.none': 'aucun problème connu',
    'trust.AzureAd': 'joint à Microsoft Entra',
    'trust.ServerAd': 'joint hybride à Microsoft Entra',
    'trust.Workplace': 'inscrit dans Microsoft Entra',
    'trust.unknown': 'type de jonction non indiqué',
    'health.healthy': 'Sain',
    'health.nonUrgent': 'Problèmes non urgents',
    'health.critical': 'Critique',
    'health.offline': 'Hors ligne',
    'health.unknown': 'Inconnu',
    'category.shared-device': 'une licence pour appareils partagés, comme les téléphones de parties communes',

    'plan.fallbackPrefix': 'Si cela échoue encore : {title}',
    'plan.find-resource-account.title': 'Rechercher le compte de la salle',
    'plan.find-resource-account.detail':
      "Cherchez {email} dans l'annuaire. L'adresse de la salle doit être celle du compte de ressource qui se connecte sur la console : il a peut-être été supprimé ou renommé.",
    'plan.check-room-mailbox.title': 'Réparer le compte de ressource de la salle',
    'plan.check-room-mailbox.detail':
      'Un compte supprimé peut être restauré depuis les utilisateurs supprimés pendant 30 jours ; sinon, recréez-le. Si la salle pointe vers une mauvaise adresse, corrigez plutôt la salle.',
    'plan.find-why-disabled.title': 'Trouver pourquoi le compte a été désactivé',
    'plan.find-why-disabled.detail':
      "Consultez le journal d'audit Entra pour savoir qui a désactivé {upn} et quand : un script de nettoyage ou une réponse de sécurité l'a peut-être fait volontairement.",
    'plan.enable-account.title': 'Réactiver le compte',
    'plan.enable-account.detail':
      'Une fois sûr que c’est sans risque, réactivez {upn}. Ne touchez pas à sa licence.',
    'plan.set-usage-location.title': "Renseigner d'abord l'emplacement d'utilisation",
    'plan.set-usage-location.detail':
      "{upn} n'a pas d'emplacement d'utilisation, et Microsoft refuse toute attribution de licence sans lui. Indiquez le pays où se trouve la salle.",
    'plan.set-usage-location.detailCountry':
      "{upn} n'a pas d'emplacement d'utilisation, et Microsoft refuse toute attribution de licence sans lui. Indiquez le pays où se trouve la salle (le pays du locataire est {country}).",
    'plan.check-free-seats.title': 'Vérifier les licences disponibles',
    'plan.check-free-seats.detail':
      'Avant toute modification, regardez combien de licences {licences} sont disponibles.',
    'plan.hold-freed-seat.title': "Protéger la licence pendant l'attente",
    'plan.hold-freed-seat.detail':
      "Aucune licence {licence} n'est disponible : celle libérée par le retrait pourrait être prise par une autre attribution (une personne ou un groupe) pendant l'attente, et la réattribution échouerait. Prévenez les autres administrateurs de licences, ou préparez-vous à attribuer {alternative} à la place ({free} disponibles).",
    'plan.hold-freed-seat.detailNoAlternative':
      "Aucune licence {licence} n'est disponible : celle libérée par le retrait pourrait être prise par une autre attribution (une personne ou un groupe) pendant l'attente, et la réattribution échouerait. Prévenez les autres administrateurs de licences, ou achetez une licence de plus avant de commencer.",
    'plan.record-licence.title': 'Noter la licence telle quelle',
    'plan.record-licence.detail':
      'Notez la licence exacte, {licence}, et ses plans désactivés ({plans}) : la réattribution doit remettre les mêmes réglages.',
    'plan.record-licence.noPlans': 'aucun',
    'plan.reset-console-app.title': "Réinitialiser l'application Teams Rooms sur la console",
    'plan.reset-console-app.detail':
      "Sur la console{device}, déconnectez le compte de la salle depuis les paramètres d'administration de Teams Rooms, ou réinitialisez l'application, pour qu'elle cesse de réessayer avec l'ancien état de licence.",
    'plan.remove-licence.title': 'Retirer la licence',
    'plan.remove-licence.detail':
      "Retirez {licence} de {upn}. La console ne pourra pas se connecter tant que la licence n'est pas revenue.",
    'plan.remove-from-licence-group.title': 'Sortir la salle du groupe {group}',
    'plan.remove-from-licence-group.detail':
      'La licence vient du groupe {group} : elle ne peut pas être retirée directement du compte. Retirez {upn} du groupe ; si le groupe est dynamique, modifiez sa règle pour exclure la salle.',
    'plan.wait-for-purge.title': 'Attendre {range}',
    'plan.wait-for-purge.detail':
      'Laissez la licence retirée au moins {min} pour que le service purge les données de provisionnement de la salle : une réattribution plus tôt laisse la console en panne. Passé {max}, réattribuez quand même.',
    'plan.reassign-licence.title': 'Réattribuer la même licence',
    'plan.reassign-licence.detail':
      'Attribuez de nouveau {licence} à {upn}, avec les mêmes plans désactivés ({plans}).',
    'plan.reassign-alternative.title': 'Ou attribuer {licence} à la place',
    'plan.reassign-alternative.detailSeat':
      'Si {fromLicence} ne peut pas être réattribuée parce que la licence a été prise, attribuez {licence} à la place : {free} sont disponibles.',
    'plan.reassign-alternative.detailDeprecated':
      "{fromLicence} est une licence retirée de la vente : c'est le moment d'attribuer {licence} à la place ({free} disponibles).",
    'plan.add-to-licence-group.title': 'Remettre la salle dans le groupe {group}',
    'plan.add-to-licence-group.detail':
      'Ajoutez de nouveau {upn} au groupe {group} ; le groupe réattribue la licence avec ses propres réglages.',
    'plan.remove-user-licence.title': 'Retirer {licence} du compte de la salle',
    'plan.remove-user-licence.detail':
      "Un compte de salle ne doit avoir qu'une licence Teams Rooms. Retirez {licence} de {upn}.",
    'plan.remove-user-licence.detailGroup':
      '{licence} vient du groupe {group} : retirez {upn} de ce groupe, ou modifiez le groupe pour qu’il exclue les comptes de salle.',
    'plan.assign-room-licence.title': 'Attribuer {licence}',
    'plan.assign-room-licence.detail': 'Attribuez {licence} à {upn} : {free} sont disponibles.',
    'plan.assign-room-licence.detailNoSeat':
      "Aucune licence Teams Rooms n'est disponible : achetez {licence} (ou libérez une licence Teams Rooms Basic, gratuite jusqu'à {cap} salles par locataire), puis attribuez-la à {upn}.",
    'plan.replace-legacy-licence.title': 'Remplacer {fromLicence} par {licence}',
    'plan.replace-legacy-licence.detail':
      "Échangez les deux licences en une seule opération pour que la console n'en soit jamais privée : ajoutez {licence} à {upn} et retirez {fromLicence}. {free} sont disponibles.",
    'plan.replace-legacy-licence.detailNoSeat':
      "Achetez d'abord {licence} : aucune n'est disponible. Échangez ensuite les deux licences en une seule opération pour que la console n'en soit jamais privée.",
    'plan.replace-legacy-licence.detailGroup':
      'La licence vient d’un groupe : remplacez {fromLicence} par {licence} dans les licences du groupe.',
    'plan.check-licence-details.title': 'Vérifier les plans de service de la licence',
    'plan.check-licence-details.detail':
      'Listez les plans de service de {licence} sur {upn} et relevez ceux qui ne sont ni en Success ni en Disabled.',
    'plan.fix-assignment-error.title': "Corriger l'erreur d'attribution {error}",
    'plan.fix-assignment-error.CountViolation':
      "Aucune licence {licence} n'est disponible : libérez-en une ou achetez-en davantage, puis réattribuez-la.",
    'plan.fix-assignment-error.MutuallyExclusiveViolation':
      '{licence} est incompatible avec une autre licence du compte : retirez la licence en conflit.',
    'plan.fix-assignment-error.DependencyViolation':
      'Un plan de service de {licence} dépend d’un autre plan désactivé : activez ce plan, ou désactivez le plan qui en dépend.',
    'plan.fix-assignment-error.ProhibitedInUsageLocationViolation':
      "{licence} n'est pas vendue dans l'emplacement d'utilisation de {upn} : corrigez l'emplacement d'utilisation.",
    'plan.fix-assignment-error.UniquenessViolation':
      "Microsoft signale un conflit d'unicité pour {licence} : consultez la page des licences de {upn} dans le centre d'administration Microsoft 365.",
    'plan.fix-assignment-error.other':
      "Microsoft signale {error} pour {licence} : consultez la page des licences de {upn} dans le centre d'administration Microsoft 365.",
    'plan.reprocess-licence.title': 'Réappliquer les licences de groupe',
    'plan.reprocess-licence.detail':
      'Une fois la cause corrigée, demandez à Entra ID de retraiter les licences de groupe de {upn}.',
    'plan.wait-for-provisioning.title': 'Laisser le temps au provisionnement',
    'plan.wait-for-provisioning.detail':
      'Le provisionnement se termine normalement tout seul. Vérifiez de nouveau dans quelques heures ; si des plans sont toujours en attente après 24 heures, retirez puis réattribuez la licence ou contactez le support Microsoft.',
    'plan.restart-console.title': 'Redémarrer la console',
    'plan.restart-console.detail': 'Redémarrez {device} pour qu’elle se reconnecte avec la licence actuelle.',
    'plan.restart-console.detailOnSite':
      'Redémarrez la console sur place pour qu’elle se reconnecte avec la licence actuelle.',
    'plan.verify-sign-in.title': 'Vérifier que la console se connecte',
    'plan.verify-sign-in.detail':
      'La console doit afficher le calendrier de la salle et rejoindre une réunion de test, et la connexion à Teams doit être indiquée comme établie.',
    'plan.rediagnose.title': 'Relancer le diagnostic',
    'plan.rediagnose.detail':
      'Demandez-moi de revérifier la salle. Si la console échoue encore sur une version défectueuse connue, elle correspondra peut-être au bug de licence, qui demande le cycle retrait, attente et réattribution.',
    'plan.check-console-screen.title': 'Lire le message affiché sur la console',
    'plan.check-console-screen.detail':
      "Relevez le message exact affiché sur l'écran de {device}. S'il indique que le compte n'a pas la bonne licence pour utiliser cet appareil, le cycle de licence de l'étape suivante est la solution probable.",
    'plan.try-licence-cycle.title': "S'il s'agit du message de licence : lancer le cycle de licence",
    'plan.try-licence-cycle.detail':
      "Retirez la licence Teams Rooms, attendez 8 à 24 heures, réattribuez la même licence et redémarrez : cela corrige aussi l'erreur de licence sur des versions pas encore connues comme défectueuses. Signalez la version pour qu'elle soit ajoutée à la liste.",
    'plan.check-entra-device.title': "Vérifier l'objet appareil Entra de la console",
    'plan.check-entra-device.detail':
      "Cherchez {name} dans Entra ID : il doit exister et être activé, avec le type de jonction utilisé au déploiement de la console. Un objet appareil absent ou désactivé bloque la connexion avec un accès conditionnel basé sur l'appareil.",
    'plan.check-entra-device.detailNoName':
      "Cherchez l'objet appareil de la console dans Entra ID : il doit exister et être activé, avec le type de jonction utilisé au déploiement de la console. Un objet appareil absent ou désactivé bloque la connexion avec un accès conditionnel basé sur l'appareil.",
    'plan.enable-entra-device.title': "Réactiver l'appareil Entra {name}",
    'plan.enable-entra-device.detail':
      "L'objet appareil de la console est désactivé dans Entra ID, ce qui bloque la connexion avec un accès conditionnel basé sur l'appareil. Réactivez-le, sauf s'il a été désactivé volontairement.",
    'plan.clear-token-cache.title': 'Vider les jetons de connexion en cache',
    'plan.clear-token-cache.detail':
      "Sur la console, déconnectez le compte de la salle, effacez les informations d'identification en cache de l'application Teams Rooms, puis reconnectez-vous avec le compte de la salle.",
    'plan.update-app.title': "Mettre à jour l'application Teams Rooms en {goodVersion}",
    'plan.update-app.detail':
      "{version} est une version défectueuse connue et {goodVersion} n'est pas touchée. Mettez la console à jour dès que cette version est proposée à son anneau de mise à jour.",
    'plan.reinstall-app.title': "Réinstaller l'application Teams Rooms",
    'plan.reinstall-app.detail':
      "Désinstallez puis réinstallez l'application Teams Rooms avec les outils du fabricant de la console, puis connectez-vous avec le compte de la salle.",
    'plan.reimage-console.title': 'Réinstaller l’image de la console',
    'plan.reimage-console.detail':
      "Restaurez l'image d'usine de la console avec le support de récupération du fabricant, puis reconfigurez-la. À réserver au cas où rien d'autre n'a marché.",
    'plan.escalate-to-microsoft.title': 'Escalader au support Microsoft',
    'plan.escalate-to-microsoft.detail':
      "Récupérez les journaux de la console et ouvrez un dossier auprès du support Microsoft, avec le compte de la salle, la version de l'application et les étapes déjà tentées.",
    'plan.check-device-health.title': "Examiner l'état de l'appareil",
    'plan.check-device-health.detail':
      "L'appareil indique « {status} ». Ouvrez-le dans le centre d'administration Teams pour voir quel élément pose problème.",
    'plan.find-teams-device.title': 'Retrouver la console dans les appareils Teams',
    'plan.find-teams-device.not-registered':
      "Aucun appareil Teams n'est inscrit avec le compte de la salle. Vérifiez dans le centre d'administration Teams si la console apparaît sous un autre compte, ou si elle n'a jamais été configurée.",
    'plan.find-teams-device.not-found':
      "Aucun appareil Teams n'est inscrit avec le compte de la salle. Vérifiez dans le centre d'administration Teams si la console apparaît sous un autre compte, ou si elle n'a jamais été configurée.",
    'plan.find-teams-device.unavailable':
      "Le service des appareils Teams n'a pas répondu. Cherchez plutôt la console dans le centre d'administration Teams.",
    'plan.find-teams-device.throttled':
      "Microsoft Graph a demandé au bot de ralentir. Cherchez la console dans le centre d'administration Teams, ou réessayez dans quelques minutes.",
    'plan.find-teams-device.forbidden':
      "Le bot n'a pas l'autorisation TeamworkDevice.Read.All pour lire les appareils Teams : accordez-la, ou cherchez la console dans le centre d'administration Teams.",
    'plan.check-console-on-site.title': 'Faire vérifier la console sur place',
    'plan.check-console-on-site.detail':
      'Demandez à quelqu’un dans la salle si la console est allumée, reliée au réseau, et quel compte elle affiche.',
    'plan.retry-later.title': 'Revérifier plus tard',
    'plan.retry-later.detail':
      "Relancez le diagnostic dans quelques minutes : les données de l'appareil seront peut-être de nouveau disponibles.",

    'missing.teams-device': "Les données de l'appareil Teams (version de l'application, état de connexion)",
    'missing.entra-device': "L'objet appareil Entra de la console",
    'missing.licence-details': 'Le détail des licences (provisionnement des plans de service)',
    'missing.subscribed-skus': 'Les compteurs de licences du locataire (licences disponibles)',
    'missing.reason.unavailable': "le service n'a pas répondu",
    'missing.reason.forbidden': "le bot n'a pas l'autorisation",
    'missing.reason.throttled': 'Microsoft Graph a demandé au bot de ralentir',
    'missing.reason.not-registered': "aucun n'est inscrit",
    'missing.reason.not-found': 'introuvable',
    'missing.sentence': "{what} : lecture impossible ({reason}) ; le diagnostic s'est poursuivi sans.",
    'missing.noTeamsDevice':
      "Aucun appareil Teams n'est inscrit avec ce compte de salle : la version de l'application et l'état de connexion sont inconnus, et le diagnostic s'est poursuivi sans.",
    'missing.requestId': 'Identifiant de requête : {requestId}.',

    'format.location': '{building}, étage {floor}',
    'format.floor': 'Étage {floor}',
    'format.list': '{head} et {last}',
    'format.hours': '{n} heures',
    'format.hour': '1 heure',
    'format.minutes': '{n} minutes',
    'format.minute': '1 minute',
    'format.rangeHours': '{min} à {max} heures',
    'format.rangeMinutes': '{min} à {max} minutes',
    'format.range': '{min} à {max}',
    'format.unknownDevice': 'la console',
    'format.someGroup': 'un groupe',
    'detail.plansNotReady': 'plans de service pas prêts : {plans}',
    'detail.assignmentError': "erreur d'attribution {error}",
  },
};

/** Looks up a room diagnosis text; French must define exactly the English keys. */
export const roomText = defineTexts(roomTextCatalog);

export type RoomTextKey = Parameters<typeof roomText>[1];
