import { isGrokApiError, type GrokApiError, type SuggestedAction } from '../api/errors';
import type { BudgetCheck } from '../chat/budget';
import { ToolInputError } from './response';
import type { LmErrorCode, LmFailure } from './types';

/** How to act on an error from inside someone else's chat: no buttons there, so the message says it. */
const HINTS: Record<SuggestedAction, string> = {
  setApiKey: 'Run “Grok: Set API Key” (or Manage Models → xAI Grok).',
  retry: '',
  chooseModel: 'Pick another Grok model in the model picker.',
  openSettings: 'Check the grok.* settings (“Grok: Open Settings”).',
  openBilling: 'Add credits or raise the spending limit at console.x.ai.',
};

function codeFor(error: GrokApiError): LmErrorCode {
  switch (error.kind) {
    case 'auth':
      return 'NoPermissions';
    case 'quotaExhausted':
      return 'Blocked';
    case 'modelNotFound':
    case 'notFound':
      return 'NotFound';
    default:
      return 'Unknown';
  }
}

/**
 * A failure of a request through the provider, as VS Code's chat expects it: cancelled (the caller
 * stopped), or a `LanguageModelError` code with our one clean line plus what to do about it. Messages
 * of errors that are not ours are not shown raw (they can carry anything); they say it failed.
 */
export function lmFailureFor(error: unknown, cancelled = false): LmFailure {
  if (cancelled || (isGrokApiError(error) && error.kind === 'cancelled')) return { cancelled: true };
  if (error instanceof ToolInputError) return { cancelled: false, code: 'Unknown', message: error.message };
  if (!isGrokApiError(error)) return { cancelled: false, code: 'Unknown', message: 'The Grok request failed unexpectedly; see “Grok: Show Logs”.' };
  const hint = error.action ? HINTS[error.action] : '';
  return { cancelled: false, code: codeFor(error), message: hint ? `${error.message} ${hint}` : error.message };
}

/** The failure for a request to xAI with no key stored. */
export function noKeyFailure(): LmFailure {
  return { cancelled: false, code: 'NoPermissions', message: `No xAI API key is set. ${HINTS.setApiKey}` };
}

/**
 * The monthly budget, for a request from VS Code's chat: used up → refused (a question in a modal
 * would interrupt someone else's chat), with the way out in the message; 80% → a warning to show
 * without waiting; otherwise nothing.
 */
export function budgetDecision(check: BudgetCheck): { refuse: LmFailure } | { warn: string } | undefined {
  if (check.kind === 'confirm') {
    const reached = check.message.replace(/\s*Send anyway\?$/, '');
    return {
      refuse: {
        cancelled: false,
        code: 'Blocked',
        message: `Not sent: ${reached} Raise grok.monthlyBudgetUsd in Settings (“Grok: Open Settings”), or set it to 0 to turn the budget off.`,
      },
    };
  }
  if (check.kind === 'warn') return { warn: check.message };
  return undefined;
}
