import * as z from 'zod';
import { agentCommandSettingsShape } from './commands/settings';

/** The default xAI endpoint. */
export const XAI_BASE_URL = 'https://api.x.ai/v1';

const toolMode = z.enum(['off', 'auto']).catch('off').default('off');
/** A list of strings; anything else (or a non-string entry) falls back to the empty list. */
const stringList = z.array(z.string()).catch([]).default([]);
/** `YYYY-MM-DD` or empty (no bound). */
const isoDate = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).catch('').default('');

/**
 * The `grok.*` settings, with their defaults. This schema is the single source of truth:
 * a unit test checks that package.json contributes exactly these keys with the same defaults.
 */
export const settingsSchema = z.object({
  // Kept as typed (trimmed): a typo is refused with a message by checkBaseUrl, never silently
  // replaced by the default. Empty means "not set".
  baseUrl: z.string().trim().min(1).catch(XAI_BASE_URL).default(XAI_BASE_URL),
  model: z.string().trim().min(1).catch('grok-4.3').default('grok-4.3'),
  api: z.enum(['auto', 'responses', 'chat']).catch('auto').default('auto'),
  maxOutputTokens: z.number().int().min(1).catch(16384).default(16384),
  requestTimeoutSeconds: z.number().int().min(10).catch(600).default(600),
  stallTimeoutSeconds: z.number().int().min(5).max(3600).catch(60).default(60),
  maxRetries: z.number().int().min(0).max(10).catch(3).default(3),
  monthlyBudgetUsd: z.number().min(0).catch(0).default(0),
  modelRouting: z.enum(['off', 'auto']).catch('off').default('off'),
  fastModel: z.string().trim().min(1).catch('grok-4.20-0309-non-reasoning').default('grok-4.20-0309-non-reasoning'),
  codeModel: z.string().trim().min(1).catch('grok-4.3').default('grok-4.3'),
  visionModel: z.string().trim().min(1).catch('grok-4.3').default('grok-4.3'),
  // xAI's server-side tools (Responses only): off until the user turns them on.
  'tools.webSearch': toolMode,
  'tools.xSearch': toolMode,
  'tools.codeExecution': toolMode,
  'tools.webSearchAllowedDomains': stringList,
  'tools.webSearchExcludedDomains': stringList,
  'tools.xSearchAllowedHandles': stringList,
  'tools.xSearchExcludedHandles': stringList,
  'tools.xSearchFromDate': isoDate,
  'tools.xSearchToDate': isoDate,
  // Agent mode: limits of one task, and which tool calls run without asking.
  'agent.maxSteps': z.number().int().min(1).max(200).catch(25).default(25),
  'agent.maxTaskCostUsd': z.number().min(0).catch(0).default(0),
  'agent.approveReads': z.enum(['auto', 'ask']).catch('auto').default('auto'),
  'agent.approveEdits': z.enum(['ask', 'auto']).catch('ask').default('ask'),
  // Agent commands and checkpoints (grok.agent.commands, allowedCommands, commandTimeoutSeconds, checkpointsToKeep).
  ...agentCommandSettingsShape,
});

export type GrokSettings = z.infer<typeof settingsSchema>;

/** Parses raw settings (as read from VS Code); invalid values fall back to their defaults. */
export function parseSettings(raw: Record<string, unknown>): GrokSettings {
  return settingsSchema.parse(raw);
}

/** The setting keys, without the `grok.` prefix. */
export const settingKeys = Object.keys(settingsSchema.shape) as (keyof GrokSettings)[];
