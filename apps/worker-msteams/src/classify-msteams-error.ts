import {
  classifyHttpOutcome,
  DeliveryError,
  type HttpOutcome,
  type HttpResponse,
  jsonBodyOf,
} from '@herald/worker-kit';

export const MSTEAMS_SERVICE = 'Microsoft Teams';

/** Power Automate's (Logic Apps') error body. */
interface WorkflowErrorBody {
  error?: { code?: unknown; message?: unknown };
}

// Retired Office 365 connector URLs still in configs answer 200 and report the failure in the body.
const CONNECTOR_FAILURE = /Microsoft Teams endpoint returned HTTP error (\d{3})/;

// The SAS signature no longer matches, or the flow was deleted: the URL itself must change.
const URL_GONE = new Set([401, 403, 404]);

/**
 * Sorts the outcome of posting to a Teams Workflows webhook: `null` when the flow accepted it
 * (202), otherwise the DeliveryError deciding what happens next. The shared HTTP rules apply;
 * this adds the flow's `error.code` to the message and reads the failure a legacy connector
 * hides in a 200.
 */
export function classifyMsTeamsError(outcome: HttpOutcome, now?: number): DeliveryError | null {
  if (!('response' in outcome)) return classifyHttpOutcome(outcome, { service: MSTEAMS_SERVICE });
  const response = connectorFailureOf(outcome.response) ?? outcome.response;
  const failure = classifyHttpOutcome({ response }, { service: MSTEAMS_SERVICE, now });
  if (!failure) return null;

  const detail = workflowErrorOf(response.body);
  const hint = URL_GONE.has(response.status)
    ? '; the workflow was deleted, turned off or re-created: update the notifier webhookUrl'
    : '';
  if (!detail && !hint) return failure;
  const message = `${MSTEAMS_SERVICE} answered HTTP ${response.status}${detail ? `: ${detail}` : ''}${hint}`;
  return new DeliveryError(failure.code, message, {
    providerCode: failure.providerCode,
    retryAfterMs: failure.retryAfterMs,
  });
}

function connectorFailureOf(response: HttpResponse): HttpResponse | undefined {
  if (response.status < 200 || response.status >= 300) return undefined;
  const match = CONNECTOR_FAILURE.exec(response.body);
  return match ? { ...response, status: Number(match[1]) } : undefined;
}

/** "TriggerInputSchemaMismatch: The input body ..." from a Workflows error body. */
function workflowErrorOf(body: string): string | undefined {
  const error = jsonBodyOf<WorkflowErrorBody>(body)?.error;
  if (typeof error !== 'object' || error === null) return undefined;
  const parts = [error.code, error.message].filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? parts.join(': ').slice(0, 500) : undefined;
}
