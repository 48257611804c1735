/**
 * What chat requests cost: session totals for the view's header, and the monthly ledger in
 * global state that `grok.monthlyBudgetUsd` is checked against.
 */
import type * as vscode from 'vscode';
import type { UsageRecord } from '../../core/api';
import { addSpend, checkBudget, currentLedger, type BudgetCheck, type SpendLedger } from '../../core/chat/budget';

const LEDGER = 'grok.spendLedger';

export class SpendTracker {
  private readonly totals = { tokens: 0, costUsd: 0 };

  constructor(private readonly globalState: vscode.Memento) {}

  /** Session totals so far (a copy). */
  get session(): { tokens: number; costUsd: number } {
    return { ...this.totals };
  }

  /** Called for every request attempt, failures included. */
  record(usage: UsageRecord): void {
    this.totals.tokens += usage.totalTokens;
    this.totals.costUsd += usage.costUsd ?? 0;
    void this.globalState.update(LEDGER, addSpend(this.ledger(), usage.costUsd));
  }

  /** Where this month's spend stands against `budgetUsd`; a warning is given once a month. */
  check(budgetUsd: number): BudgetCheck {
    const result = checkBudget(this.ledger(), budgetUsd);
    if (result.kind === 'warn') void this.globalState.update(LEDGER, { ...this.ledger(), warned: true });
    return result;
  }

  private ledger(): SpendLedger {
    return currentLedger(this.globalState.get<SpendLedger>(LEDGER), new Date());
  }
}
