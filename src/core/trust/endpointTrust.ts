/**
 * Which hosts may receive the API key. xAI's own hosts always may; for any other host the user
 * decides once (send the key, or send requests without it), remembered per origin in global state
 * until revoked. The key is attached only where {@link EndpointTrust.mayAttachKey} says so, so
 * nothing (the model list, Test Connection, a chat turn) carries it to a host nobody confirmed.
 */
import * as z from 'zod';
import type { KeyValueStore } from '../chat/spendTracker';
import { checkBaseUrl } from './baseUrl';

const STORE_KEY = 'grok.trustedEndpoints';

/** What the user chose for a host. */
export type KeyDecision = 'send' | 'withhold';

const trustSchema = z.array(z.object({ origin: z.string().min(1), decision: z.enum(['send', 'withhold']), at: z.number() }));

/** One remembered decision: the origin, what the user chose, and when (ms since the epoch). */
export type TrustEntry = z.infer<typeof trustSchema>[number];

export class EndpointTrust {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** `xai` for xAI's hosts, the remembered decision, undefined when not asked yet or the URL is invalid. */
  decision(baseUrl: string): 'xai' | KeyDecision | undefined {
    const check = checkBaseUrl(baseUrl);
    if (!check.ok) return undefined;
    if (check.xai) return 'xai';
    return this.entries().find((e) => e.origin === check.origin)?.decision;
  }

  /** True only for xAI's hosts and hosts the user allowed the key to go to. */
  mayAttachKey(baseUrl: string): boolean {
    const decision = this.decision(baseUrl);
    return decision === 'xai' || decision === 'send';
  }

  /** Remembers the user's choice for the origin of `baseUrl`. */
  async remember(baseUrl: string, decision: KeyDecision): Promise<void> {
    const check = checkBaseUrl(baseUrl);
    if (!check.ok || check.xai) return;
    const rest = this.entries().filter((e) => e.origin !== check.origin);
    await this.store.update(STORE_KEY, [...rest, { origin: check.origin, decision, at: this.now() }]);
  }

  /** Every remembered decision, oldest first (entries that do not parse are ignored). */
  entries(): TrustEntry[] {
    const parsed = trustSchema.safeParse(this.store.get<unknown>(STORE_KEY));
    return parsed.success ? parsed.data : [];
  }

  /** Forgets the decision for `origin`: the next request there asks again. */
  async revoke(origin: string): Promise<void> {
    await this.store.update(STORE_KEY, this.entries().filter((e) => e.origin !== origin));
  }
}
