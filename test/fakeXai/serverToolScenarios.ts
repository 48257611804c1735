import type { ScenarioContext } from './context';
import { checkFilterNesting, serverToolFrames, type ServerToolOptions } from './serverToolFrames';

const INVALID = 'Client specified an invalid argument';

/**
 * `server-tools`: answers with the server-side tools the request offered (web search, X search, code
 * execution), their cards' events, citations and usage details. Options (`[scenario:server-tools k=v]`):
 * - `shape` = `xai` (default) | `openai`, `units` = `codePoint` | `utf16` | `byte`, `noTicks` = `1`;
 * - `accepts` = `flat` (default) | `filters`: where web search's domain filters must be; the other
 *   nesting gets the 422 a strict server gives for an unknown field;
 * - `unsupported` = comma-separated wire types (`x_search,code_interpreter`) the "model" refuses (400);
 * - `intervalMs`: pause between events.
 */
function serverTools(ctx: ScenarioContext): void | Promise<void> {
  const nesting = checkFilterNesting(ctx.body, ctx.options.accepts === 'filters' ? 'filters' : 'flat');
  if (nesting) return ctx.json(422, nesting);
  const refused = String(ctx.options.unsupported ?? '').split(',').filter(Boolean);
  const offered = (ctx.body.tools ?? []).map((t) => String((t as { type?: unknown }).type));
  const hit = refused.find((type) => offered.includes(type));
  if (hit) return ctx.json(400, { code: INVALID, error: `Model ${ctx.served} does not support the ${hit} tool.` });
  if (ctx.endpoint !== 'responses') {
    return ctx.json(400, { code: INVALID, error: 'Server-side tools are only supported on /v1/responses.' });
  }
  const options: ServerToolOptions = {
    shape: ctx.options.shape === 'openai' ? 'openai' : 'xai',
    units: ['codePoint', 'utf16', 'byte'].includes(String(ctx.options.units)) ? (ctx.options.units as ServerToolOptions['units']) : undefined,
    noTicks: ctx.options.noTicks !== undefined,
  };
  const { body, tail } = serverToolFrames(ctx.body, ctx.served, `fake-${Math.random().toString(16).slice(2, 10)}`, options);
  return ctx.stream([...body, ...tail], { intervalMs: ctx.num('intervalMs', 0) });
}

/** The server-side tool scenarios, merged into SCENARIOS. */
export const SERVER_TOOL_SCENARIOS = { 'server-tools': serverTools };
