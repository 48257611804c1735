/**
 * Model routing (`grok.modelRouting`): with `auto`, explanations and short chat go to a fast model,
 * refactors and fixes to the coding model, and anything with images to a vision-capable model.
 * With `off`, everything uses `grok.model`.
 */
export type Task = 'chat' | 'explain' | 'refactor' | 'fix';

export interface RoutingSettings {
  model: string;
  modelRouting: 'off' | 'auto';
  fastModel: string;
  codeModel: string;
  visionModel: string;
}

export interface RouteInput {
  task: Task;
  hasImages: boolean;
  /** Characters of the message plus its context. */
  size: number;
}

export interface Route {
  model: string;
  /** Why this model, for the log and the answer's footer. */
  reason: 'setting' | 'fast' | 'code' | 'vision';
}

/** Up to this many characters (message + context) a chat message counts as short. */
export const SHORT_CHAT_CHARS = 2_000;

export function routeModel(input: RouteInput, s: RoutingSettings): Route {
  if (s.modelRouting !== 'auto') return { model: s.model, reason: 'setting' };
  if (input.hasImages) return { model: s.visionModel, reason: 'vision' };
  if (input.task === 'refactor' || input.task === 'fix') return { model: s.codeModel, reason: 'code' };
  if (input.task === 'explain' || input.size <= SHORT_CHAT_CHARS) return { model: s.fastModel, reason: 'fast' };
  return { model: s.model, reason: 'setting' };
}
