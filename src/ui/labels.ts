import type { decisionMethods } from '../domain/assessment';

/** The label key of how the team decided an answer (consensus, majority, dissent): for forms, history and spreadsheets alike. */
export function decisionLabelKey(method: (typeof decisionMethods)[number] | string): string {
  return `ui:walk.decision${method.charAt(0).toUpperCase()}${method.slice(1)}`;
}
