export type { AdaptiveCard, CardTemplateName, JsonObject, JsonValue } from './render';
export { MAX_CARD_BYTES, cardByteSize } from './render';
export { renderRoomDiagnosisCard } from './room-diagnosis-card';
export { renderRoomChoiceCard } from './room-choice-card';
export { renderConfirmActionCard } from './confirm-action-card';
export { renderHelpCard } from './help-card';
export { renderErrorCard } from './error-card';
export { renderMessageCard, type MessageCardView } from './message-card';
export type * from './view-models';
