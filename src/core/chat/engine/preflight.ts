import { isXaiHost } from '../../api';
import { keyProblem } from '../../apiKey';
import type { Config } from '../../configStore';
import type { ErrorAction } from '../../../shared/protocol';
import { checkBaseUrl } from '../../trust/baseUrl';
import type { SpendTracker } from '../spendTracker';
import type { EngineQuestions } from './deps';

/** Why a request the user started is not sent, with the action that fixes it. */
export interface Refusal {
  message: string;
  action?: ErrorAction;
}

/**
 * The checks before any request leaves the machine, in the order the user would want them: an
 * endpoint URL that may be used, a key where one is needed, consent to send it to a host other than xAI's, and the monthly budget.
 * Resolves undefined when the request may go ahead.
 */
export async function preflight(deps: { config: Config; hasKey: () => Promise<boolean>; questions: EngineQuestions; spend: SpendTracker }): Promise<Refusal | undefined> {
  const { baseUrl, monthlyBudgetUsd } = deps.config.current;
  const where = checkBaseUrl(baseUrl);
  if (!where.ok) return { message: where.message, action: 'openSettings' };
  const missingKey = keyProblem(baseUrl, await deps.hasKey(), isXaiHost);
  if (missingKey) return missingKey;
  const declined = await deps.questions.confirmEndpoint?.(baseUrl);
  if (declined) return declined;
  const budget = deps.spend.check(monthlyBudgetUsd);
  if (budget.kind === 'warn') deps.questions.warn(budget.message);
  else if (budget.kind === 'confirm' && !(await deps.questions.confirmBudget(budget.message))) {
    return { message: 'Not sent: the monthly budget is used up (grok.monthlyBudgetUsd).', action: 'openSettings' };
  }
  return undefined;
}
