/**
 * An answer the fake server streams, independent of the endpoint: the wire writers turn it into Chat
 * Completions chunks or Responses events.
 */
export interface AnswerScript {
  /** The served model (may differ from the requested one, like xAI's retired names). */
  model: string;
  reasoning?: string[];
  text?: string[];
  toolCalls?: { id: string; name: string; arguments: string }[];
  /** Hidden-reasoning filler before the answer: empty deltas and repeated "Thinking... ". */
  filler?: { emptyDeltas: number; thinking: number };
  finish?: 'stop' | 'length' | 'tool_calls';
  usage: { prompt: number; cached: number; completion: number; reasoning: number; ticks?: number };
}

/** Splits text into deltas of about `size` characters, the way a token stream arrives. */
export function chunkText(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

const DEFAULT_REASONING =
  'The user wants a readable example. A small TypeScript function with a test shows the idea best; ' +
  'I will explain the edge case of empty input and keep the answer short.';

const DEFAULT_TEXT = `Here is a small, well-typed helper that **debounces** a function:

\`\`\`ts
export function debounce<A extends unknown[]>(fn: (...args: A) => void, waitMs: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), waitMs);
  };
}
\`\`\`

How it works:
1. Every call cancels the pending timer.
2. Only the last call within \`waitMs\` runs.

> Tip: for UI input, 150–300 ms feels responsive without flooding the server.`;

/** Rough token count (4 characters a token) so usage figures look plausible. */
function tokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** Usage in xAI's shape for the given visible text and reasoning, priced as grok-4.3 ($1.25 / $2.50 per 1M). */
export function usageFor(prompt: number, text: string, reasoning: string): AnswerScript['usage'] {
  const completion = tokens(text);
  const reasoningTokens = reasoning ? tokens(reasoning) : 0;
  const cached = Math.floor(prompt * 0.75);
  // ticks = 1e-10 USD; grok-4.3 cached price assumed equal to input here.
  const ticks = Math.round((prompt * 1.25 + (completion + reasoningTokens) * 2.5) * 1e4);
  return { prompt, cached, completion, reasoning: reasoningTokens, ticks };
}

/** The pleasant default answer: some reasoning, then markdown with a code block. */
export function defaultAnswer(model: string, promptTokens = 120): AnswerScript {
  return {
    model,
    reasoning: chunkText(DEFAULT_REASONING, 12),
    text: chunkText(DEFAULT_TEXT, 9),
    usage: usageFor(promptTokens, DEFAULT_TEXT, DEFAULT_REASONING),
  };
}

/** An answer that proposes an edit through the `propose_edits` tool. */
export function toolCallAnswer(model: string): AnswerScript {
  const args = JSON.stringify({
    path: 'src/math.ts',
    edits: [{ search: 'return a - b;', replace: 'return a + b;' }],
    explanation: 'add() subtracted instead of adding.',
  });
  return {
    model,
    reasoning: chunkText('The bug is in add(): it subtracts. Propose one edit.', 10),
    toolCalls: [{ id: 'call_59270311', name: 'propose_edits', arguments: args }],
    finish: 'tool_calls',
    usage: usageFor(300, args, 'The bug is in add(): it subtracts.'),
  };
}

/** A long answer of about `bytes` characters of markdown, in deltas of `deltaChars`. */
export function bigAnswer(model: string, bytes: number, deltaChars: number): AnswerScript {
  const line = 'The quick brown fox jumps over the lazy dog; `const x = compute(y);` keeps it honest.\n';
  const text = line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
  return { model, text: chunkText(text, deltaChars), usage: usageFor(50, text, '') };
}
