import type { ErrorView } from '../cards/view-models';
import { BotError, GraphError, type ErrorCode } from '../errors';
import { defineTexts, type Locale } from '../i18n';

const t = defineTexts({
  en: {
    'title.graph': 'Microsoft Graph could not answer',
    'title.input': 'I could not use that',
    'title.action': 'That button cannot be used',
    'title.internal': 'Something went wrong on my side',
    'graph.unauthorized': 'The bot could not sign in to Microsoft Graph ({path}).',
    'graph.unauthorized.next':
      'An administrator should check the bot’s Graph credentials (GRAPH_AUTH and its settings).',
    'graph.forbidden': 'The bot is not allowed to call {path}.',
    'graph.forbidden.next':
      'An administrator should grant the application permission {permission} and give admin consent.',
    'graph.forbidden.nextUnknown': 'An administrator should check the bot’s Graph application permissions.',
    'graph.not-found': 'Graph does not know {path}.',
    'graph.not-found.next': 'Check the name, or whether it was deleted or renamed.',
    'graph.throttled': 'Microsoft Graph is throttling requests from this tenant right now.',
    'graph.throttled.next': 'Try again in {seconds} seconds; nothing was changed.',
    'graph.unavailable': 'Microsoft Graph is not reachable or not available at the moment ({path}).',
    'graph.unavailable.next': 'Try again in a minute. If it lasts, check the Microsoft 365 service health.',
    'graph.timeout': 'Microsoft Graph took too long to answer ({path}).',
    'graph.timeout.next': 'Try again; nothing was changed.',
    'graph.bad-request': 'Microsoft Graph refused the request: {message}',
    'graph.bad-request.next': 'Nothing was changed. If this keeps happening, report it with the ids below.',
    'graph.unexpected': 'Microsoft Graph answered with an unexpected error ({status}).',
    'graph.unexpected.next': 'Try again. If this keeps happening, report it with the ids below.',
    'input.invalid': '{message}',
    'input.invalid.next': 'Type "help" to see what I understand.',
    'action.stale': 'This card is out of date.',
    'action.stale.next': 'Use the latest card in the thread.',
    'action.forbidden': 'Only helpdesk members can do that.',
    'action.forbidden.next': 'Ask a helpdesk member.',
    internal: 'An unexpected error stopped this request. Nothing was changed.',
    'internal.next': 'Try again. If it happens again, report it with the id below.',
  },
  fr: {
    'title.graph': 'Microsoft Graph n’a pas pu répondre',
    'title.input': 'Je n’ai pas pu utiliser cela',
    'title.action': 'Ce bouton ne peut pas être utilisé',
    'title.internal': 'Un problème est survenu de mon côté',
    'graph.unauthorized': 'Le bot n’a pas pu se connecter à Microsoft Graph ({path}).',
    'graph.unauthorized.next':
      'Un administrateur doit vérifier les identifiants Graph du bot (GRAPH_AUTH et ses paramètres).',
    'graph.forbidden': 'Le bot n’a pas le droit d’appeler {path}.',
    'graph.forbidden.next':
      'Un administrateur doit accorder l’autorisation d’application {permission} avec le consentement administrateur.',
    'graph.forbidden.nextUnknown':
      'Un administrateur doit vérifier les autorisations d’application Graph du bot.',
    'graph.not-found': 'Graph ne connaît pas {path}.',
    'graph.not-found.next': 'Vérifiez le nom, ou s’il a été supprimé ou renommé.',
    'graph.throttled': 'Microsoft Graph limite en ce moment les requêtes de ce locataire.',
    'graph.throttled.next': 'Réessayez dans {seconds} secondes ; rien n’a été modifié.',
    'graph.unavailable': 'Microsoft Graph est injoignable ou indisponible pour le moment ({path}).',
    'graph.unavailable.next':
      'Réessayez dans une minute. Si cela dure, consultez l’état des services Microsoft 365.',
    'graph.timeout': 'Microsoft Graph a mis trop de temps à répondre ({path}).',
    'graph.timeout.next': 'Réessayez ; rien n’a été modifié.',
    'graph.bad-request': 'Microsoft Graph a refusé la requête : {message}',
    'graph.bad-request.next':
      'Rien n’a été modifié. Si cela se reproduit, signalez-le avec les identifiants ci-dessous.',
    'graph.unexpected': 'Microsoft Graph a répondu par une erreur inattendue ({status}).',
    'graph.unexpected.next': 'Réessayez. Si cela se reproduit, signalez-le avec les identifiants ci-dessous.',
    'input.invalid': '{message}',
    'input.invalid.next': 'Tapez « aide » pour voir ce que je comprends.',
    'action.stale': 'Cette carte n’est plus à jour.',
    'action.stale.next': 'Utilisez la carte la plus récente du fil.',
    'action.forbidden': 'Seuls les membres du support peuvent faire cela.',
    'action.forbidden.next': 'Demandez à un membre du support.',
    internal: 'Une erreur inattendue a interrompu cette demande. Rien n’a été modifié.',
    'internal.next': 'Réessayez. Si cela se reproduit, signalez-le avec l’identifiant ci-dessous.',
  },
});

type GraphCode = Extract<ErrorCode, `graph.${string}`>;

/** Turns any error into what the user should read: what failed and what to do, never a stack trace. */
export function errorView(err: unknown, locale: Locale, correlationId: string): ErrorView {
  if (err instanceof GraphError) {
    const code = err.code as GraphCode;
    const params = {
      path: err.path.split('?')[0] ?? err.path,
      permission: err.requiredPermission ?? '',
      seconds: err.retryAfterSeconds ?? 30,
      status: err.status,
      message: err.message,
    };
    const next =
      code === 'graph.forbidden' && !err.requiredPermission
        ? t(locale, 'graph.forbidden.nextUnknown')
        : t(locale, `${code}.next`, params);
    return {
      title: t(locale, 'title.graph'),
      message: t(locale, code, params),
      nextStep: next,
      correlationId,
      ...(err.requestId ? { requestId: err.requestId } : {}),
    };
  }
  if (
    err instanceof BotError &&
    (err.code === 'input.invalid' || err.code === 'action.stale' || err.code === 'action.forbidden')
  ) {
    return {
      title: t(locale, err.code === 'input.invalid' ? 'title.input' : 'title.action'),
      message: t(locale, err.code, { message: err.message }),
      nextStep: t(locale, `${err.code}.next`),
      correlationId,
    };
  }
  return {
    title: t(locale, 'title.internal'),
    message: t(locale, 'internal'),
    nextStep: t(locale, 'internal.next'),
    correlationId,
  };
}
