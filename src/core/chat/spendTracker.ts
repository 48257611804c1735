/**
 * What requests cost: session totals for the view's header, and the monthly ledger that
 * `grok.monthlyBudgetUsd` is checked against, kept in a key-value store (VS Code's global state).
 */
import type { UsageRecord } from '../api';
import { addSpend, checkBudget, currentLedger, type BudgetCheck, type SpendLedger } from './budget';

const LEDGER = 'grok.spendLedger';

/** The part of VS Code's `Memento` this needs (a Map-backed double in tests). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export class SpendTracker {
  private totals = { tokens: 0, costUsd: 0 };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly store: KeyValueStore) {}

  /** Session totals so far (a copy). */
  get session(): { tokens: number; costUsd: number } {
    return { ...this.totals };
  }

  /** Called for every request attempt, failures included, from any caller (chat, edits, other chats). */
  record(usage: UsageRecord): void {
    this.totals.tokens += usage.totalTokens;
    this.totals.costUsd += usage.costUsd ?? 0;
    void this.store.update(LEDGER, addSpend(this.ledger(), usage.costUsd));
    for (const listener of [...this.listeners]) listener();
  }

  /** Starts the session totals again (New Chat); the monthly ledger is kept. */
  resetSession(): void {
    this.totals = { tokens: 0, costUsd: 0 };
    for (const listener of [...this.listeners]) listener();
  }

  /** Calls `listener` after every change of the session totals. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Where this month's spend stands against `budgetUsd`; a warning is given once a month. */
  check(budgetUsd: number): BudgetCheck {
    const result = checkBudget(this.ledger(), budgetUsd);
    if (result.kind === 'warn') void this.store.update(LEDGER, { ...this.ledger(), warned: true });
    return result;
  }

  private ledger(): SpendLedger {
    return currentLedger(this.store.get<SpendLedger>(LEDGER), new Date());
  }
}
