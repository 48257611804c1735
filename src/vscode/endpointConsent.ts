import * as vscode from 'vscode';
import type { EngineQuestions } from '../core/chat/engine';
import { checkBaseUrl } from '../core/trust/baseUrl';
import type { EndpointTrust } from '../core/trust/endpointTrust';
import type { ApiKeyStore } from './apiKeyStore';

const SEND = 'Send Key';
const WITHHOLD = 'Send Without Key';

/**
 * Before a request the user started goes to a host other than xAI's with a key stored, asks once
 * (a modal naming the host) whether the key may go there. The answer is remembered per host;
 * "Grok: Manage Trusted Hosts…" revokes it. Cancelling sends nothing.
 */
export function endpointConsent(trust: EndpointTrust, keyStore: ApiKeyStore): NonNullable<EngineQuestions['confirmEndpoint']> {
  // Requests started together (a chat send and Test Connection) share one question per host.
  const asking = new Map<string, Promise<Declined | undefined>>();
  return async (baseUrl) => {
    const check = checkBaseUrl(baseUrl);
    if (!check.ok) return { message: check.message, action: 'openSettings' };
    if (trust.decision(baseUrl) !== undefined || !(await keyStore.has())) return undefined;
    let question = asking.get(check.origin);
    if (!question) {
      question = askOnce(trust, baseUrl, check.host, check.origin).finally(() => asking.delete(check.origin));
      asking.set(check.origin, question);
    }
    return question;
  };
}

interface Declined {
  message: string;
  action: 'openSettings';
}

/** The modal itself; remembers the answer. */
async function askOnce(trust: EndpointTrust, baseUrl: string, host: string, origin: string): Promise<Declined | undefined> {
  const choice = await vscode.window.showWarningMessage(
    `Send your xAI API key to ${host}?`,
    {
      modal: true,
      detail: `grok.baseUrl points at ${origin}, which is not xAI's API. Send the key only to a server you run or trust. "${WITHHOLD}" talks to it without the key. You can change this with "Grok: Manage Trusted Hosts…".`,
    },
    SEND,
    WITHHOLD,
  );
  if (choice === SEND) await trust.remember(baseUrl, 'send');
  else if (choice === WITHHOLD) await trust.remember(baseUrl, 'withhold');
  else return { message: `Not sent: you did not choose whether your key may go to ${host}.`, action: 'openSettings' };
  return undefined;
}

/** "Grok: Manage Trusted Hosts…": lists the hosts decided on; picking one forgets the decision. */
export async function manageTrustedHosts(trust: EndpointTrust): Promise<string | undefined> {
  const entries = trust.entries();
  if (entries.length === 0) {
    void vscode.window.showInformationMessage('No host other than xAI has been allowed or refused your key.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    entries.map((e) => ({
      label: e.origin,
      description: e.decision === 'send' ? 'receives your key' : 'used without your key',
      detail: `Decided ${new Date(e.at).toLocaleString()}. Pick to forget: the next request there asks again.`,
    })),
    { title: 'Grok: Trusted Hosts', placeHolder: 'Pick a host to forget its decision' },
  );
  if (!pick) return undefined;
  await trust.revoke(pick.label);
  void vscode.window.showInformationMessage(`Forgot ${pick.label}: Grok asks before sending your key there again.`);
  return pick.label;
}
