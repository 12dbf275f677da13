import { defineTexts } from '../i18n';

// French typography wants a no-break space before ":", "?", "!" and inside « ».
const NBSP = '\u00a0';

/** Every label the card templates show, in both languages. Exported so tests can compare the two sets. */
export const CARD_TEXTS = {
  en: {
    shortened: 'Some content was shortened to fit in a Teams message.',
    tooLargeTitle: 'This answer is too large to show in Teams.',
    tooLargeBody: 'Ask again about a single room or device, or contact the helpdesk team.',

    evidenceHeading: 'What I checked',
    planHeading: 'Recommended steps',
    moreSteps: 'If that does not work: {count} more steps',
    missingHeading: 'What I could not check',
    showPowerShell: 'Show PowerShell',
    powerShellOmitted: 'The PowerShell command is too long to show here.',
    checkedAt: 'Checked at {time}',

    ambiguousTitle: 'Which room do you mean?',
    phoneChoiceTitle: 'Which phone of {person}?',
    phoneChoiceIntro:
      '{count} Teams phones are signed in with this account; pick the one that shows the problem.',
    ambiguousIntro: 'Several rooms match “{query}”. Pick one:',
    notFoundTitle: 'No room called “{query}” was found.',
    didYouMean: 'Did you mean one of these?',
    howToListRooms:
      'Check the exact name in the Outlook Room Finder or in the Teams admin center (Teams devices, then Teams Rooms), and ask again with that name.',
    moreRooms: '{count} more rooms match. Add the building or floor to narrow the search.',

    changesHeading: 'This will:',

    helpTitle: 'Helpdesk assistant',
    helpIntro:
      'I diagnose Microsoft Teams Rooms and Teams phones from Microsoft Graph, explain what is wrong in plain words, and walk you through the fix, asking before I change anything.',
    examplesHeading: 'Try asking:',
    exampleQuote: '“{text}”',
    languagesNote: 'I understand English and French, and I reply in the language you write in.',

    supportReference: 'Support reference: {id}',
    graphRequestId: 'Graph request ID: {id}',
  },
  fr: {
    shortened: `Une partie du contenu a été raccourcie pour tenir dans un message Teams.`,
    tooLargeTitle: `Cette réponse est trop volumineuse pour être affichée dans Teams.`,
    tooLargeBody: `Reposez la question pour une seule salle ou un seul appareil, ou contactez l'équipe du support.`,

    evidenceHeading: `Ce que j'ai vérifié`,
    planHeading: `Étapes recommandées`,
    moreSteps: 'Si cela ne suffit pas : {count} étapes de plus',
    missingHeading: `Ce que je n'ai pas pu vérifier`,
    showPowerShell: `Afficher PowerShell`,
    powerShellOmitted: `La commande PowerShell est trop longue pour être affichée ici.`,
    checkedAt: `Vérification effectuée${NBSP}: {time}`,

    ambiguousTitle: `Quelle salle${NBSP}?`,
    phoneChoiceTitle: `Quel téléphone de {person}${NBSP}?`,
    phoneChoiceIntro: `{count} téléphones Teams sont connectés avec ce compte, choisissez celui qui a le problème.`,
    ambiguousIntro: `Plusieurs salles correspondent à «${NBSP}{query}${NBSP}». Choisissez-en une${NBSP}:`,
    notFoundTitle: `Aucune salle nommée «${NBSP}{query}${NBSP}» n'a été trouvée.`,
    didYouMean: `Vouliez-vous dire l'une de celles-ci${NBSP}?`,
    howToListRooms: `Vérifiez le nom exact dans la recherche de salles d'Outlook ou dans le centre d'administration Teams (Appareils Teams, puis Salles Teams), puis reposez la question avec ce nom.`,
    moreRooms: `{count} autres salles correspondent. Précisez le bâtiment ou l'étage pour affiner la recherche.`,

    changesHeading: `Voici ce qui va être fait${NBSP}:`,

    helpTitle: `Assistant du support informatique`,
    helpIntro: `Je diagnostique les salles Microsoft Teams Rooms et les téléphones Teams à partir de Microsoft Graph, j'explique le problème simplement et je vous guide jusqu'à la réparation, en demandant votre accord avant toute modification.`,
    examplesHeading: `Exemples de demandes${NBSP}:`,
    exampleQuote: `«${NBSP}{text}${NBSP}»`,
    languagesNote: `Je comprends le français et l'anglais, et je réponds dans la langue de votre message.`,

    supportReference: `Référence pour le support${NBSP}: {id}`,
    graphRequestId: `Identifiant de requête Graph${NBSP}: {id}`,
  },
};

/** Looks up a card label: `cardText(locale, key, params?)`. */
export const cardText = defineTexts(CARD_TEXTS);

/** The keys of {@link CARD_TEXTS}. */
export type CardTextKey = keyof typeof CARD_TEXTS.en;
