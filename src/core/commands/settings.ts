/**
 * The `grok.agent.*` settings for commands and checkpoints, spread into the one settings schema
 * (src/core/config.ts) so package.json and the schema stay checked key for key.
 */
import * as z from 'zod';

/** Defaults, also in package.json. */
export const AGENT_COMMAND_DEFAULTS = { commands: 'ask', allowedCommands: [] as string[], commandTimeoutSeconds: 120, checkpointsToKeep: 20 } as const;

/** The shape to spread into `settingsSchema`. */
export const agentCommandSettingsShape = {
  'agent.commands': z.enum(['ask', 'auto']).catch(AGENT_COMMAND_DEFAULTS.commands).default(AGENT_COMMAND_DEFAULTS.commands),
  // Blank entries would match nothing anyway; dropping them keeps the list readable in logs.
  'agent.allowedCommands': z
    .array(z.string())
    .transform((list) => list.map((p) => p.trim()).filter(Boolean))
    .catch([])
    .default([]),
  'agent.commandTimeoutSeconds': z.number().int().min(1).max(86_400).catch(AGENT_COMMAND_DEFAULTS.commandTimeoutSeconds).default(AGENT_COMMAND_DEFAULTS.commandTimeoutSeconds),
  'agent.checkpointsToKeep': z.number().int().min(1).max(500).catch(AGENT_COMMAND_DEFAULTS.checkpointsToKeep).default(AGENT_COMMAND_DEFAULTS.checkpointsToKeep),
};
