/**
 * The optional monthly budget (`grok.monthlyBudgetUsd`, 0 = off): estimated spend per calendar month,
 * a warning once at 80%, and a question before each request once the budget is used up.
 */
export interface SpendLedger {
  /** `YYYY-MM` in local time. */
  month: string;
  spentUsd: number;
  /** The 80% warning was shown this month. */
  warned: boolean;
}

export function monthKey(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The ledger for the current month (a new month starts from zero). */
export function currentLedger(stored: SpendLedger | undefined, now: Date): SpendLedger {
  const month = monthKey(now);
  return stored && stored.month === month ? stored : { month, spentUsd: 0, warned: false };
}

export function addSpend(ledger: SpendLedger, usd: number | undefined): SpendLedger {
  if (!usd || !Number.isFinite(usd) || usd <= 0) return ledger;
  return { ...ledger, spentUsd: ledger.spentUsd + usd };
}

export type BudgetCheck =
  | { kind: 'ok' }
  /** Warn once (then mark the ledger warned) and go on. */
  | { kind: 'warn'; message: string }
  /** Ask before sending; send only if the user agrees. */
  | { kind: 'confirm'; message: string };

const usd = (n: number) => `$${n.toFixed(2)}`;

export function checkBudget(ledger: SpendLedger, budgetUsd: number): BudgetCheck {
  if (!(budgetUsd > 0)) return { kind: 'ok' };
  const { spentUsd } = ledger;
  if (spentUsd >= budgetUsd) {
    return { kind: 'confirm', message: `This month's estimated Grok spend (${usd(spentUsd)}) has reached your budget of ${usd(budgetUsd)}. Send anyway?` };
  }
  if (spentUsd >= budgetUsd * 0.8 && !ledger.warned) {
    return { kind: 'warn', message: `This month's estimated Grok spend is ${usd(spentUsd)}, ${Math.floor((spentUsd / budgetUsd) * 100)}% of your ${usd(budgetUsd)} budget.` };
  }
  return { kind: 'ok' };
}
