import type { AnswerScript } from './script';

/** SSE frames of a stream: `body` carries the answer, `tail` the terminal frames (dropped to truncate). */
export interface Frames {
  body: string[];
  tail: string[];
}

/** One `data:` frame. */
export function sse(payload: unknown): string {
  return `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`;
}

/**
 * Chat Completions frames exactly as xAI sends them: role on the first chunk, `reasoning_content` before
 * `content`, each tool call whole in one chunk, `finish_reason` chunk, usage chunk with `choices: []`, `[DONE]`.
 */
export function chatFrames(script: AnswerScript, id: string): Frames {
  const created = Math.floor(Date.now() / 1000);
  const base = { id, object: 'chat.completion.chunk', created, model: script.model, system_fingerprint: 'fp_fake0001' };
  const body: string[] = [];
  let first = true;
  const chunk = (delta: Record<string, unknown>): void => {
    body.push(sse({ ...base, choices: [{ index: 0, delta: first ? { role: 'assistant', ...delta } : delta }] }));
    first = false;
  };
  for (let i = 0; i < (script.filler?.emptyDeltas ?? 0); i++) chunk({});
  for (let i = 0; i < (script.filler?.thinking ?? 0); i++) chunk({ reasoning_content: 'Thinking... ' });
  for (const r of script.reasoning ?? []) chunk({ reasoning_content: r });
  for (const t of script.text ?? []) chunk({ content: t });
  (script.toolCalls ?? []).forEach((call, index) =>
    chunk({ tool_calls: [{ id: call.id, function: { name: call.name, arguments: call.arguments }, index, type: 'function' }] }),
  );
  const finish = script.finish ?? (script.toolCalls?.length ? 'tool_calls' : 'stop');
  const u = script.usage;
  const usage = {
    prompt_tokens: u.prompt,
    completion_tokens: u.completion,
    total_tokens: u.prompt + u.completion + u.reasoning,
    prompt_tokens_details: { text_tokens: u.prompt, audio_tokens: 0, image_tokens: 0, cached_tokens: u.cached },
    completion_tokens_details: { reasoning_tokens: u.reasoning, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    num_sources_used: 0,
    ...(u.ticks !== undefined ? { cost_in_usd_ticks: u.ticks } : {}),
  };
  const tail = [sse({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }] }), sse({ ...base, choices: [], usage }), sse('[DONE]')];
  return { body, tail };
}
